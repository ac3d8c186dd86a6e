/// Open PO lines of an item stocked at several locations, when the orders name no location
/// (DESIGN's orders have none): the units still to come are netted against the item's
/// locations, the one needing the most first, so that no location orders them again.
///
/// Why: counted at none of the locations, an open PO of 100 left MAIN ordering 62 on top of
/// it, the same units twice; counted at each, they would hold back every location's order.
/// The location short the most is where a delivery of the item is most likely bound, and a
/// transfer fixes a wrong guess for less than a second purchase order.
public enum UnplacedOnOrder {
    /// `units` shared out over locations short by `needs` (order-up-to level less position, 0
    /// when not short): the largest need first (the first of equal ones), each up to its need;
    /// what is left when every need is met goes to the location needing the most, so every
    /// unit is counted once. 100 units against needs of 62 and 10: 62 and 10, and the 28 left
    /// to the first, 90 and 10.
    public static func allocate(_ units: Double, needs: [Double]) -> [Double] {
        var given = [Double](repeating: 0, count: needs.count)
        guard units > 0, !needs.isEmpty else { return given }
        let largestFirst = needs.indices.sorted { (needs[$1], $0) < (needs[$0], $1) }
        var left = units
        for k in largestFirst where left > 0 {
            let g = min(left, max(0, needs[k]))
            given[k] += g
            left -= g
        }
        if left > 0 { given[largestFirst[0]] += left }
        return given
    }

    /// Nets each item's `unplacedOnOrder` against its stock lines by `allocate`, a line's need
    /// being `orderUpTo(k)` less its position (positions as planned so far, expiry waste
    /// included): the units given to a line are its on order, due as the lines date them (in
    /// proportion), and nothing is left unplaced. Returns the units given to each stock line
    /// and, with them, the units the item's lines held (0 where none were to place).
    ///
    /// Units the lines delivered since a count taken before as-of (`unplacedReceived`) are shared
    /// the same way first, onto the shelf (`receivedSinceCount`): counted at no location, 200
    /// units delivered since the count of an item at ICU and MAIN left both ordering 50, the
    /// same units twice. `received` gives the units each line took of them.
    public static func apply(to stock: inout [StockItem], orderUpTo: (Int) -> Double)
        -> (onOrder: [(given: Double, of: Double)], received: [(given: Double, of: Double)]) {
        var result = [(given: Double, of: Double)](repeating: (0, 0), count: stock.count)
        var received = result
        var groups: [String: [Int]] = [:], order: [String] = []
        for k in stock.indices where stock[k].unplacedOnOrder > 0 || stock[k].unplacedReceived > 0 {
            if groups[stock[k].item] == nil { order.append(stock[k].item) }
            groups[stock[k].item, default: []].append(k)
        }
        for item in order {
            let places = groups[item]!
            /// Each line's need: its order-up-to level less its position (as the shelf left it).
            func needs() -> [Double] { places.map { max(0, orderUpTo($0) - stock[$0].inventoryPosition) } }
            let arrived = stock[places[0]].unplacedReceived
            if arrived > 0 {
                let shelf = allocate(arrived, needs: needs())
                for (i, k) in places.enumerated() {
                    stock[k].receivedSinceCount += shelf[i]
                    stock[k].unplacedReceived = 0
                    received[k] = (shelf[i], arrived)
                }
            }
            let units = stock[places[0]].unplacedOnOrder
            guard units > 0 else { continue }
            let given = allocate(units, needs: needs())
            for (i, k) in places.enumerated() {
                let share = given[i] / units
                stock[k].onOrder += given[i]
                if given[i] > 0 {
                    let dated = stock[k].unplacedArrivals.map { StockItem.Arrival(inDays: $0.inDays, quantity: $0.quantity * share) }
                    stock[k].arrivals = (stock[k].arrivals ?? []) + dated
                }
                stock[k].unplacedOnOrder = 0
                stock[k].unplacedArrivals = []
                result[k] = (given[i], units)
            }
        }
        return (result, received)
    }
}
