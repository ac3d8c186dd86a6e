/// What an item master's `status` says about ordering the item (DESIGN.md: status
/// active/discontinued).
///
/// ERPs spell it many ways (`Active`, `A`, `Inactive`, `DISC`, `Obsolete`); anything outside
/// the words below is rejected with them listed rather than read as active. Before, `DISC`,
/// `Obsolete` and `Replaced` were read as active and each got an order of 90 with no word.
public enum ItemStatus: Sendable, Equatable {
    case active
    case discontinued

    /// The status a cell names, ignoring case and surrounding spaces; nil for any other text.
    public init?(_ text: String) {
        let word = text.trimmed().lowercased()
        if ItemStatus.activeWords.contains(word) { self = .active } else if ItemStatus.discontinuedWords.contains(word) { self = .discontinued } else { return nil }
    }

    static let activeWords = ["active", "a", "current", "stocked", "open"]
    static let discontinuedWords = ["discontinued", "inactive", "i", "d", "disc", "obsolete", "retired", "replaced", "superseded", "deleted", "closed"]
    /// Every word read, active ones first.
    public static let words = activeWords + discontinuedWords
}
