import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "./fixtures";

const WHOLE_PERSON = "id version createdAt updatedAt givenName familyName birthDate sex relationship resettled";
const WHOLE_HOME = "id version streetAddress postalCode municipality availableFrom availableUntil monthlyRent { amount } landlordKind shortStayAcknowledged";

/**
 * A household list reads along only the member and home columns its fields show (issue 6). What
 * it read so must answer those fields exactly, and never answer for members or homes reached
 * another way in the same request.
 */
describe("household lists read along only what their fields show", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await t.app.db.manager.query(
      `INSERT INTO accommodation (household_id, street_address, postal_code, municipality, available_from, monthly_rent_cents, landlord_kind)
       VALUES ($1, 'Korenmarkt 1', '9000', 'Gent', '2020-01-01', 65000, 'PRIVATE')`,
      [world.households.gent],
    );
  });
  afterAll(() => t.close());

  const page = (fields: string) => t.gql(`{ households(first: 50) { nodes { id ${fields} } } }`, {}, USERS.gentCoordinator);
  const gent = (answer: { data?: any }) => answer.data!.households.nodes.find((node: { id: string }) => node.id === gid("Household", world.households.gent));

  it("answer members, head, counts and home alike, whether the list asks for a few of their fields or all", async () => {
    const whole = gent(await page(`persons { ${WHOLE_PERSON} } head { ${WHOLE_PERSON} } personCount resettledPersonCount accommodation { ${WHOLE_HOME} }`));
    const few = gent(await page("persons { givenName } head { id } personCount resettledPersonCount accommodation { monthlyRent { amount } }"));
    expect(whole.persons.length).toBeGreaterThan(1);
    expect(whole.accommodation.monthlyRent).toEqual({ amount: "650.00" });
    expect(few).toEqual({
      id: whole.id,
      persons: whole.persons.map((person: { givenName: string }) => ({ givenName: person.givenName })),
      head: { id: whole.head.id },
      personCount: whole.personCount,
      resettledPersonCount: whole.resettledPersonCount,
      accommodation: { monthlyRent: whole.accommodation.monthlyRent },
    });
  });

  it("never answer for the same household's members and homes reached another way in the same request", async () => {
    const whole = gent(await page(`persons { ${WHOLE_PERSON} } accommodations { ${WHOLE_HOME} }`));
    const nested = gent(await page(`persons { givenName household { persons { ${WHOLE_PERSON} } accommodations { ${WHOLE_HOME} } } }`));
    expect(nested.persons[0].household).toEqual({ persons: whole.persons, accommodations: whole.accommodations });
  });
});
