import type { Viewer } from "../../auth/viewer";
import { groupedLoader, keyedLoader } from "../../database/loaders";
import type { SavedReportService } from "./saved-report.service";

/** Saved reports for one request: those the viewer owns or that are shared with it. */
export function savedReportLoaders(services: { savedReports: SavedReportService }, viewer: Viewer) {
  return {
    savedReport: keyedLoader((keys) => services.savedReports.readVisible(viewer, keys), (report) => report.key),
    savedReportShares: groupedLoader((keys) => services.savedReports.sharesOf(keys), (share) => share.reportKey),
  };
}
