/// The tags each series' rows were added with (`PeriodTotalsLoader.add(key:day:value:tag:)`),
/// kept only where a series has more than one: which series mix units of measure, without a
/// lookup a row of their own.
public struct SeriesTags: Sendable {
    /// Per series id, the tag of its first tagged row; -1 for none yet.
    private var first: [Int32] = []
    /// The series with more than one tag, with their tags.
    public private(set) var mixed: [Int: Set<Int32>] = [:]

    public init() {}

    @inline(__always)
    public mutating func see(series id: Int, tag: Int32) {
        if id >= first.count { first.append(contentsOf: repeatElement(-1, count: id - first.count + 1)) }
        let seen = first[id]
        if seen < 0 {
            first[id] = tag
        } else if seen != tag {
            mixed[id, default: [seen]].insert(tag)
        }
    }
}
