import Tabular

/// Contract prices by item and vendor, each valid from `start` to `end` (inclusive, open
/// when absent), looked up on an order's date.
///
/// Vendors match ignoring case, runs of spaces, punctuation and a trailing legal suffix
/// (`NameSpellings`, `VendorNameKey`): the contracts' "HARBORLINE MEDICAL" is the orders'
/// "Harborline Medical, Inc.". Matched exactly, such a contract
/// applied to no order, and the report said nothing was bought above contract while every
/// line was. Item codes match exactly, as everywhere else (`a100` and `A100` may be two
/// items); a contract that matched no order is named by `unmatched(matched:)` instead.
public struct ContractBook: Sendable {
    public struct Contract: Sendable, Equatable {
        /// NaN for a contract whose price could not be read in its item's unit (a price per
        /// case against lines in eaches, no pack size): the item and vendor have a contract,
        /// at a price nothing here compares with (`unreadCovers`).
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

    /// An item and vendor as the contracts spell them.
    public struct Line: Sendable, Hashable {
        public var item: String
        public var vendor: String

        public init(item: String, vendor: String) {
            self.item = item
            self.vendor = vendor
        }
    }

    /// The contracts that apply to an order's item and vendor, and how the contracts spell the vendor.
    public struct Match: Sendable {
        public var line: Line
        public var contracts: [Contract]
        /// The contracts spell the vendor as the order does; false for a match that needed
        /// the leniency, which the report names.
        public var isExact: Bool
    }

    private var contracts: [Line: [Contract]] = [:]
    private var vendors = NameSpellings(foldsCorporateSuffixes: true)
    /// Item and vendor pairs in the order first added, for messages.
    public private(set) var lines: [Line] = []

    public init() {}

    public var isEmpty: Bool { contracts.isEmpty }

    /// Whether any contract has a price read (`Contract.price` not NaN).
    public var hasPrices: Bool { contracts.values.contains { $0.contains { !$0.price.isNaN } } }

    /// Adds a contract; a vendor spelled two ways in the contracts is one vendor, under its first spelling.
    public mutating func add(item: String, vendor: String, _ contract: Contract) {
        let line = Line(item: item, vendor: vendors.insert(vendor))
        if contracts[line] == nil { lines.append(line) }
        contracts[line, default: []].append(contract)
    }

    /// The contract price on `day`: of the contracts in force that day, the lowest price. Two
    /// in force together (a GPO tier for the year and a local agreement from March, or two rows
    /// from one start) give the hospital the lower unless one was ended: priced on the later
    /// start, a line paid $2.20 against a GPO $2.00 still in force showed no variance ($20
    /// hidden). `ContractOverlap` and `conflicts` name them.
    public func price(item: String, vendor: String, on day: Int32) -> Double? {
        contracts(item: item, vendor: vendor).flatMap { Self.price(in: $0, on: day) }
    }

    /// The contracts of one item and vendor, for repeated lookups.
    public func contracts(item: String, vendor: String) -> [Contract]? { match(item: item, vendor: vendor)?.contracts }

    /// The contracts of an order's item and vendor, the vendor matched ignoring case and spaces.
    public func match(item: String, vendor: String) -> Match? {
        guard let spelled = vendors.spelling(of: vendor) else { return nil }
        let line = Line(item: item, vendor: spelled)
        return contracts[line].map { Match(line: line, contracts: $0, isExact: vendors.isExact(vendor)) }
    }

    /// The contract lines that no order's item and vendor matched, in the contracts' order:
    /// an item code or vendor spelled another way, or a contract nothing was bought on.
    public func unmatched(matched: Set<Line>) -> [Line] { lines.filter { !matched.contains($0) } }

    public static func price(in list: [Contract], on day: Int32) -> Double? {
        var best: Double?
        for c in list where !c.price.isNaN && c.covers(day) && (best.map { c.price < $0 } ?? true) { best = c.price }
        return best
    }

    /// Whether a contract whose price could not be read (`Contract.price` NaN) is in force on
    /// `day`: a line then has a contract, at a price not known in its unit, so it is neither
    /// on nor off contract. Read as no contract, a case-priced contract for W2 made its $1,152
    /// bought in eaches 95.8% "off contract" once another contract was read.
    public static func unreadCovers(in list: [Contract], on day: Int32) -> Bool {
        list.contains { $0.price.isNaN && $0.covers(day) }
    }

    /// The distinct prices of contracts in force on `day` that started on different days, lowest
    /// first, when there are two or more (an overlap `ContractOverlap` names); empty otherwise.
    /// Prices from one start are `conflicts`, named apart.
    public static func overlappingPrices(in list: [Contract], on day: Int32) -> [Double] {
        let inForce = list.filter { !$0.price.isNaN && $0.covers(day) }
        guard inForce.count > 1, Set(inForce.map(\.start)).count > 1 else { return [] }
        let prices = Set(inForce.map(\.price)).sorted()
        return prices.count > 1 ? prices : []
    }

    /// Item and vendor pairs with two contract prices that start the same day (or both with no
    /// start), with the prices, in the contracts' order: no date says which applies.
    public var conflicts: [(line: Line, prices: [Double])] {
        lines.compactMap { line in
            let list = (contracts[line] ?? []).filter { !$0.price.isNaN }
            var prices: [Double] = []
            for i in list.indices {
                for j in list.indices where j > i && list[i].start == list[j].start && list[i].price != list[j].price {
                    prices.append(contentsOf: [list[i].price, list[j].price])
                }
            }
            let distinct = Array(Set(prices)).sorted()
            return distinct.isEmpty ? nil : (line, distinct)
        }
    }
}
