/// What a period without any row means (DESIGN.md, Calendar: `gaps: zero|missing`).
///
/// Usage has no row when nothing was used, so a gap is zero demand and an item unused for
/// months shows as dead stock. Levels and counts (census, patient days) have no row when
/// nobody recorded them: a gap there is missing, and reading it as zero would halve a
/// census. Missing periods are neither fitted as zeros nor written as zeros.
public enum GapPolicy: String, CaseIterable, Sendable {
    case zero
    case missing
}
