/// How an import read its slash dates (`ImportSummary.slashDateOrder`) when their order was
/// left to it.
public enum SlashDateOrder: Sendable, Equatable {
    /// A date that reads only day-first decided the file.
    case dayFirst
    /// A date that reads only month-first decided the file.
    case monthFirst
    /// Every date read either way (days 1 to 12): read month-first, the default, on no evidence.
    case eitherWay
}
