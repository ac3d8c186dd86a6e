/// The two-digit years (0-99) a column's dates were written with, as two words of bits:
/// kept on every parse of a new date field, so adding one is two shifts and an or.
public struct TwoDigitYearsSeen: Sendable, Equatable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    public init() {}

    public init(_ years: [Int]) { for yy in years { insert(yy) } }

    @inlinable
    public mutating func insert(_ yy: Int) {
        if yy < 64 { low |= 1 << UInt64(yy) } else { high |= 1 << UInt64(yy - 64) }
    }

    @inlinable
    public func contains(_ yy: Int) -> Bool {
        yy < 64 ? low & (1 << UInt64(yy)) != 0 : high & (1 << UInt64(yy - 64)) != 0
    }

    public var isEmpty: Bool { low == 0 && high == 0 }

    /// The window these years read in (`TwoDigitYearWindow.fitting`).
    public var window: TwoDigitYearWindow? { TwoDigitYearWindow.fitting(self) }
}
