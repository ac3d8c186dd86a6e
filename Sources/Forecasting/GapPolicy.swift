/// What a period without any row means (DESIGN.md, Calendar: `gaps: zero|missing`).
///
/// Usage has no row when nothing was used, so a gap is zero demand and an item unused for
/// months shows as dead stock. Levels and counts (census, patient days) have no row when
/// nobody recorded them: a gap there is missing, and reading it as zero would halve a
/// census. Missing periods are neither fitted as zeros nor written as zeros.
public enum GapPolicy: String, CaseIterable, Sendable {
    case zero
    case missing

    /// The default for a value column when none is given: missing for a column whose header
    /// names a level (`patient_days`, `MDScensus`, `Occupied Beds`), zero for any other.
    ///
    /// DESIGN.md sets the default by input kind (zero for usage, missing for census), and a
    /// long export read by `aggregate` or `forecast` says its kind only through its headers. A
    /// facility's daily census export (headed like CMS's staffing files: `MDScensus`) that
    /// lacked a quarter had it read as zero census, three months of 0 among months of 3,000,
    /// and next week's 95% interval was 340 wide around 700 where the recorded weeks warrant 23.
    public init(impliedByValueColumn header: String) {
        self = GapPolicy.namesALevel(header) ? .missing : .zero
    }

    /// Whether a header names a level recorded each day rather than an amount used: it holds
    /// one of the words below once case and everything but letters and digits are dropped.
    public static func namesALevel(_ header: String) -> Bool {
        let letters = String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        return ["adc", "pd"].contains(letters) || levelWords.contains { letters.contains($0) }
    }

    /// What a run says when `header` made the gaps missing; `zero` is how the caller spells the
    /// setting that counts them as zero (`--gaps zero`, `gaps: zero`).
    public static func impliedMissingNote(header: String, zero: String) -> String {
        "'\(header)' reads as a level (census, patient days, occupancy): periods without rows are missing, neither fitted nor written as zero (\(zero) counts them as zero)"
    }

    /// Census, patient or resident or bed days (and `Pt Days`, `Pat Days`; `PD` and `ADC`
    /// alone), occupancy and occupied beds. Unrecognised, `Pt Days` read as usage: a week with
    /// no rows was written as census 0.
    static let levelWords = ["census", "patientday", "residentday", "bedday", "ptday", "patday", "occupancy", "occupied"]
}
