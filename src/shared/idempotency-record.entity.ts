import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** The first result of a create mutation sent with an idempotency key, per user and operation. */
@Entity("idempotency_record")
export class IdempotencyRecord {
  @PrimaryColumn({ name: "user_id", type: "uuid" })
  userKey: string;

  @PrimaryColumn()
  operation: string;

  @PrimaryColumn({ name: "idempotency_key" })
  idempotencyKey: string;

  /** Hash of the input, so a key reused for a different request is refused. */
  @Column({ name: "request_hash" })
  requestHash: string;

  @Column({ name: "result_id", type: "uuid" })
  resultKey: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
