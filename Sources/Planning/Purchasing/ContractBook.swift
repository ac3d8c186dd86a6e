/// Contract prices by item and vendor, each valid from `start` to `end` (inclusive, open
/// when absent), looked up on an order's date.
public struct ContractBook: Sendable {
    public struct Contract: Sendable, Equatable {
        public var price: Double
        /// Days since the epoch; nil = open.
        public var start: Int32?
        public var end: Int32?

        public init(price: Double, start: Int32? = nil, end: Int32? = nil) {
            self.price = price
            self.start = start
            self.end = end
        }

        public func covers(_ day: Int32) -> Bool { (start.map { day >= $0 } ?? true) && (end.map { day <= $0 } ?? true) }
    }

    private var contracts: [Key: [Contract]] = [:]

    struct Key: Hashable, Sendable {
        var item: String
        var vendor: String
    }

    public init() {}

    public var isEmpty: Bool { contracts.isEmpty }

    public mutating func add(item: String, vendor: String, _ contract: Contract) {
        contracts[Key(item: item, vendor: vendor), default: []].append(contract)
    }

    /// The contract price on `day`: when contracts overlap, the one that started last
    /// (a renegotiated price replaces the old one).
    public func price(item: String, vendor: String, on day: Int32) -> Double? {
        contracts(item: item, vendor: vendor).flatMap { Self.price(in: $0, on: day) }
    }

    /// The contracts of one item and vendor, for repeated lookups.
    public func contracts(item: String, vendor: String) -> [Contract]? { contracts[Key(item: item, vendor: vendor)] }

    public static func price(in list: [Contract], on day: Int32) -> Double? {
        var best: Contract?
        for c in list where c.covers(day) {
            if best == nil || (c.start ?? .min) >= (best!.start ?? .min) { best = c }
        }
        return best?.price
    }
}
