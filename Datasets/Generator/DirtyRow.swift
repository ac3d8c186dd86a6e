/// A deliberately broken line planted in an export, which an import must reject.
struct DirtyRow: Sendable {
    enum Kind: String, Sendable {
        case blankLine = "blank_line"
        case repeatedHeader = "repeated_header"
        case badQuantity = "unparsable_quantity"
    }

    /// Physical line in the file (the header is line 1).
    let line: Int
    let kind: Kind
    /// The text of the bad field, if any.
    let value: String?
}
