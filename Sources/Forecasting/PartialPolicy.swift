/// What to do with a first or last period that the file's dates cover only in part (an
/// export from a Tuesday, or through the 15th): DESIGN.md, Calendar, `partial: drop|keep`.
///
/// A week with two days of rows is not a week of low demand; learning from it halves the
/// forecast. `drop` (the default) leaves such periods out of aggregates and of every fit,
/// with a note naming them; `keep` sums them as they are.
public enum PartialPolicy: String, CaseIterable, Sendable {
    case drop
    case keep
}
