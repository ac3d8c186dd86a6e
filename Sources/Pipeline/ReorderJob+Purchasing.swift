import Planning
import Tabular

extension ReorderJob {
    /// Receipts an item needs before its observed lead time replaces the item master's.
    public static let observedLeadTimeReceipts = 5

    /// `reorder --orders`: the item's observed lead time (mean and sample sd) where it has at
    /// least `observedLeadTimeReceipts` receipts from the item master's vendor, the one the
    /// order goes to, else (when that vendor has none) over all its vendors' receipts when they are that many
    /// (`PurchasingAnalysis.plannedLeadTime`), and its latest paid price in place of the item
    /// master's unit cost. Returns the notes for the line's reason.
    static func applyOrders(_ purchasing: PurchasingAnalysis, to s: inout StockItem) -> [String] {
        var notes: [String] = []
        if let observed = purchasing.plannedLeadTime(item: s.item, vendor: s.vendor, minimumReceipts: observedLeadTimeReceipts) {
            let master = s.leadTimeDays.map { "the item master's \(NumberFormat.fixed($0, decimals: 1))" } ?? "no item-master lead time"
            let own = purchasing.receipts(item: s.item, vendor: s.vendor)
            let whose = !observed.vendor.isEmpty ? " from \(s.vendor)"
                : s.vendor.trimmed().isEmpty ? " from all vendors"
                : " from all vendors (\(s.vendor), the item master's vendor, has \(own == 0 ? "none" : "\(own)"), fewer than \(observedLeadTimeReceipts))"
            notes.append("lead time \(NumberFormat.fixed(observed.meanDays, decimals: 2)) days (sd \(NumberFormat.fixed(observed.standardDeviationDays, decimals: 2))) observed over \(observed.receipts) receipts\(whose), not \(master)")
            s.leadTimeDays = observed.meanDays
            s.leadTimeStandardDeviationDays = observed.standardDeviationDays
        } else if case let own = purchasing.receipts(item: s.item, vendor: s.vendor), own > 0, let lead = s.leadTimeDays {
            notes.append("lead time the item master's \(NumberFormat.fixed(lead, decimals: 1)) days: \(s.vendor) has \(own) receipt\(own == 1 ? "" : "s"), fewer than \(observedLeadTimeReceipts), and other vendors' are not its")
        }
        if let price = purchasing.latestPrice(item: s.item, vendor: s.vendor), price > 0, price != s.unitCost {
            notes.append("unit cost \(NumberFormat.fixed(price, decimals: 2)) is the latest price paid" + (s.vendor.trimmed().isEmpty ? "" : " to \(s.vendor)")
                         + (s.unitCost > 0 ? " (item master \(NumberFormat.fixed(s.unitCost, decimals: 2)))" : ""))
            s.unitCost = price
        }
        return notes
    }

    /// What the open lines of `--orders` did to the plan's on-order quantities, counted in items
    /// for the summary.
    public struct OpenOrderUse: Sendable, Equatable {
        /// Items whose on order is their open lines, as the inventory gives none, and the
        /// lines counted.
        public var itemsCounted = 0, linesCounted = 0
        /// Items whose open lines hold more than the inventory's on order, which is kept.
        public var itemsAboveInventory = 0
        /// Items stocked at several locations whose open lines name none (the orders have no
        /// location): netted against the locations needing the most (`UnplacedOnOrder`).
        public var itemsUnplaced = 0
        /// Items stocked at several locations whose lines delivered units since a count taken
        /// before as-of, the orders naming no location: shared by need (`UnplacedOnOrder`).
        public var itemsReceivedUnplaced = 0
        /// Their lines, as the reason lists them, by item.
        public var unplacedLines: [String: String] = [:]
        /// Items with a line open past its lead time (flag `overdue_order`).
        public var itemsOverdue = 0
        /// Items on open lines that the inventory does not list (a code spelled otherwise?).
        public var itemsNotStocked: [String] = []

        public init() {}
    }

    /// `reorder --orders`: the lines open when the stock was counted (`OpenOrders`; the
    /// inventory's as_of, else as-of) are the on order of the items whose inventory rows give
    /// none. Where the inventory gives one, it is kept (the ERP's own figure), and open lines
    /// holding more are named in the reason so the buyer checks them before ordering the same
    /// units twice; a count taken before as-of has it rolled forward like the shelf: less what
    /// its lines delivered since (on the shelf by then), plus the lines ordered since. An item stocked at several
    /// locations has its open lines (what is still to come) left to `placeOpenOrders`, as the
    /// orders do not say where they go.
    ///
    /// Lines still open at as-of longer than the item's lead time plus the scorecard's grace
    /// are flagged `overdue_order`, to expedite or to close. Those open more than twice the
    /// lead time (plus the grace) are not counted: a line that late is more likely never
    /// closed in the ERP than on its way, and counting it would hold back the order of an item
    /// about to run out (an item 6 days from empty, with a 7-day lead time and a line 89 days
    /// open, was not ordered).
    static func applyOpenOrders(_ orders: PurchaseOrderLines, to stock: inout [StockItem], countedOn: [Int32], givenOnOrder: [Bool], notes: inout [[String]],
                                overdue: inout [Bool], asOf: CalendarDay, defaultLeadDays: Double) -> OpenOrderUse {
        var use = OpenOrderUse()
        var unitsOf: [String: [Int]] = [:]
        for k in stock.indices { unitsOf[stock[k].item, default: []].append(k) }
        let today = asOf.daysSinceEpoch, grace = PurchasingAnalysis.Settings().graceDays
        // Each item's lead time, for its lines received in part without a status.
        var leadOf: [String: Double] = [:]
        for s in stock where leadOf[s.item] == nil { leadOf[s.item] = s.leadTimeDays ?? defaultLeadDays }
        let leadDays = { (item: String) in leadOf[item] ?? defaultLeadDays }
        var openOn: [Int32: OpenOrders] = [today: OpenOrders(orders, on: today, leadDays: leadDays, graceDays: grace)]
        /// The lines ordered by as-of that had not delivered by the count on `day`.
        func open(on day: Int32) -> OpenOrders {
            if let known = openOn[day] { return known }
            let made = OpenOrders(orders, countedOn: day, orderedBy: today, leadDays: leadDays, graceDays: grace)
            openOn[day] = made
            return made
        }
        func whole(_ quantity: Double) -> String { NumberFormat.fixed(quantity, decimals: 0) }
        func listed(_ lines: [OpenOrders.Line]) -> String {
            let shown = lines.prefix(3).map { line in
                (line.po.isEmpty ? "" : "\(line.po): ") + "\(whole(line.quantity)) ordered \(CalendarDay(daysSinceEpoch: line.orderDay))"
                    + (line.zeroReceipt ? ", a receipt of 0 is no delivery" : "")
            }
            return shown.joined(separator: ", ") + (lines.count > 3 ? " and \(lines.count - 3) more" : "")
        }
        use.itemsNotStocked = open(on: today).byItem.keys.filter { unitsOf[$0] == nil }.sorted()
        for (item, places) in unitsOf {
            let counted = places.map { countedOn[$0] }.min() ?? today
            let lines = open(on: counted).byItem[item] ?? [], stillOpen = open(on: today).byItem[item] ?? []
            guard !lines.isEmpty || !stillOpen.isEmpty else { continue }
            let lead = leadDays(item)
            func fresh(_ line: OpenOrders.Line) -> Bool { Double(line.daysOpen(on: today)) <= 2 * lead + grace }
            /// Open past its lead time plus the grace: overdue, not counted on to come in time.
            func pastDue(_ line: OpenOrders.Line) -> Bool { Double(line.daysOpen(on: today)) > lead + grace }
            // What arrived after the count is stock whatever the line's age: a late delivery
            // left out made 300 units on the shelf nothing. Only what is still to come on a
            // stale line is not counted.
            let countable = lines.filter { fresh($0) || $0.arrived > 0 || $0.returned > 0 }
            let total = countable.reduce(0) { $0 + $1.arrived + (fresh($1) ? $1.toCome : 0) }
            let given = places.contains { givenOnOrder[$0] }
            let late = stillOpen.filter(pastDue)
            if !late.isEmpty {
                use.itemsOverdue += 1
                let stale = late.filter { !fresh($0) }
                let oldest = late.map { $0.daysOpen(on: today) }.max() ?? 0
                let one = late.count == 1
                var note = "\(one ? "a PO line is" : "\(late.count) PO lines are") open past the \(whole(lead))-day lead time (\(listed(late)); "
                    + "\(one ? "" : "oldest ")\(NumberFormat.count(oldest, "day")) open): expedite \(one ? "it" : "them"), or close \(one ? "it" : "them") in the ERP if \(one ? "it" : "they") will not come"
                if !stale.isEmpty && !given {
                    note += "; \(whole(stale.reduce(0) { $0 + $1.toCome })) units open more than twice the lead time are not counted as on order"
                }
                for k in places {
                    overdue[k] = true
                    notes[k].append(note)
                }
            }
            let returned = countable.reduce(0) { $0 + $1.returned }
            guard total > 0 || returned > 0 else { continue }
            // On the shelf at as-of: what arrived since the count; on order at as-of: what is
            // still to come (`OpenOrders.SinceCount`), whoever gives the on order.
            let since = OpenOrders.SinceCount(countable, countedOn: counted, countsToCome: fresh)
            if returned > 0 {
                // Off the shelf: the units the count saw that went back to the vendor since it.
                // At several locations the orders name none: taken where the counts hold them, in
                // proportion, and said.
                let held = places.map { max(0, stock[$0].onHand) }, all = held.reduce(0, +)
                for (i, k) in places.enumerated() {
                    let share = places.count == 1 ? returned : all > 0 ? returned * held[i] / all : returned / Double(places.count)
                    stock[k].returnedSinceCount += share
                    if places.count > 1 {
                        notes[k].append("\(whole(share)) of the \(whole(returned)) units returned to the vendor since the count taken off the shelf here, in proportion to the counts, the orders naming no location")
                    }
                }
            }
            guard total > 0 else { continue }
            // Units delivered since the count that no location's on order held: shared among the
            // locations by need once their positions are known (`UnplacedOnOrder`).
            var unplacedReceived = since.received
            if places.count == 1 {
                stock[places[0]].receivedSinceCount = since.received
                unplacedReceived = 0
            } else if given && counted < today {
                // Delivered on lines open at the count: inside the inventory's on order then, so
                // they move from on order to the shelf where that on order was (in proportion).
                // Left on order as well, 100 delivered were counted twice, on the shelf and on
                // order, and the location short of them ordered nothing.
                let atCount = places.map { stock[$0].onOrder }, held = atCount.reduce(0, +)
                let moved = min(since.receivedOfLinesOpenAtCount, held)
                if moved > 0 {
                    for (i, k) in places.enumerated() where atCount[i] > 0 {
                        let share = moved * atCount[i] / held
                        stock[k].onOrder -= share
                        stock[k].receivedSinceCount += share
                        notes[k].append("\(whole(share)) of the inventory's \(whole(atCount[i])) on order at the count on \(CalendarDay(daysSinceEpoch: counted)) delivered since (on the shelf here)")
                    }
                }
                unplacedReceived = since.received - moved
            }
            if unplacedReceived > 0 {
                use.itemsReceivedUnplaced += 1
                for k in places { stock[k].unplacedReceived = unplacedReceived }
            }
            /// Each line due its lead time after it was ordered; an overdue one (flagged above)
            /// is not counted on to come in time.
            func arrivals(_ lines: [OpenOrders.Line]) -> [StockItem.Arrival] {
                lines.compactMap { line in
                    let due = Double(line.orderDay) + lead - Double(today)
                    guard line.toCome > 0, fresh(line), !pastDue(line) else { return nil }
                    return StockItem.Arrival(inDays: max(0, due), quantity: line.toCome)
                }
            }
            /// Leaves `units` on `lines` to be netted against the item's locations once their
            /// positions are known (`UnplacedOnOrder`, after the levels and lots): the location
            /// needing the most first.
            func leaveToPlace(_ units: Double, on lines: [OpenOrders.Line]) {
                use.itemsUnplaced += 1
                use.unplacedLines[item] = listed(lines)
                let dated = arrivals(lines)
                for k in places {
                    stock[k].unplacedOnOrder = units
                    stock[k].unplacedArrivals = dated
                }
            }
            // The lines ordered by the count day with units still to come, for the note when
            // they hold more than the inventory's on order.
            let openAtCount = countable.filter { $0.orderDay <= counted && $0.toCome > 0 && fresh($0) }
            /// The note on open lines holding `toCome` (`lines`) against `inInventory` on order in the
            /// inventory (`besides`: what that on order is less of), which is kept.
            func aboveInventory(_ toCome: Double, _ lines: [OpenOrders.Line], _ inInventory: Double, besides: String = "") -> String {
                "open PO lines hold \(whole(toCome)) (\(listed(lines))) against \(whole(inInventory)) on order in the inventory\(besides): on order kept as the inventory gives it; check these lines before ordering"
            }
            if given && places.count == 1 {
                // The inventory's on order is the count day's: what its lines delivered since is
                // on the shelf now, and lines ordered since are on order on top of it. Kept as
                // given, 200 received after the count were counted nowhere in the position, and
                // a PO placed after it not at all (90 where the shelf alone held 290).
                let k = places[0], atCount = stock[k].onOrder
                let kept = max(0, atCount - since.receivedOfLinesOpenAtCount)
                stock[k].onOrder = since.onOrder(givenAtCount: atCount)
                if !since.orderedSince.isEmpty { stock[k].arrivals = arrivals(since.orderedSince) }
                // Said when the lines change it (the shelf's receipts are said where it is read).
                if counted < today && (kept < atCount || since.toComeOfLinesOrderedSince > 0) {
                    var note = "\(whole(stock[k].onOrder)) on order at as-of: the inventory's \(whole(atCount)) at the count on \(CalendarDay(daysSinceEpoch: counted))"
                    if kept < atCount {
                        note += ", less the \(whole(atCount - kept)) of it delivered since (on the shelf)"
                    }
                    if since.toComeOfLinesOrderedSince > 0 {
                        note += ", plus \(whole(since.toComeOfLinesOrderedSince)) to come on PO lines ordered since (\(listed(since.orderedSince)))"
                    }
                    notes[k].append(note)
                }
                if since.toComeOfLinesOpenAtCount > kept + 0.5 {
                    use.itemsAboveInventory += 1
                    notes[k].append(aboveInventory(since.toComeOfLinesOpenAtCount, openAtCount, kept, besides: kept < atCount ? " less what its lines delivered since" : ""))
                }
            } else if given {
                // The inventory's on order is the count day's: lines ordered since are on order
                // on top of it, at the locations needing them most (`UnplacedOnOrder`). Left
                // out, a PO of 80 placed after the count was ordered again.
                if since.toComeOfLinesOrderedSince > 0 { leaveToPlace(since.toComeOfLinesOrderedSince, on: since.orderedSince) }
                let inInventory = places.reduce(0) { $0 + stock[$1].onOrder }
                let toCome = counted < today ? since.toComeOfLinesOpenAtCount : total
                if toCome > inInventory + 0.5 {
                    use.itemsAboveInventory += 1
                    let note = aboveInventory(toCome, counted < today ? openAtCount : countable, inInventory)
                    for k in places { notes[k].append(note) }
                }
            } else if places.count == 1 {
                let k = places[0]
                stock[k].onOrder += since.onOrder(givenAtCount: nil)
                stock[k].arrivals = arrivals(countable)
                use.itemsCounted += 1
                use.linesCounted += countable.count
                let lines = counted == today ? "open PO lines" : "PO lines not delivered by the count on \(CalendarDay(daysSinceEpoch: counted))"
                let received = since.received > 0 ? " and \(whole(since.received)) received since the count," : ""
                notes[k].append("\(whole(stock[k].onOrder)) on order\(received) from \(lines) (\(listed(countable))), as the inventory gives no on order")
            } else {
                leaveToPlace(since.onOrder(givenAtCount: nil), on: countable)
            }
        }
        return use
    }

    /// `reorder --orders`: the open lines of items stocked at several locations, which the
    /// orders do not place, netted against the locations by need (`UnplacedOnOrder`: the
    /// largest need first, each up to its need, the rest to the first), with a note on each
    /// line. Counted at none, an open PO of 100 left the location short 62 ordering them on top
    /// of it.
    static func placeOpenOrders(_ use: OpenOrderUse, to stock: inout [StockItem], levels: inout [ReorderPlanner.Levels]) {
        guard use.itemsUnplaced > 0 || use.itemsReceivedUnplaced > 0 else { return }
        let (placed, shelved) = UnplacedOnOrder.apply(to: &stock, orderUpTo: { levels[$0].orderUpTo })
        func whole(_ quantity: Double) -> String { NumberFormat.fixed(quantity, decimals: 0) }
        for k in stock.indices where shelved[k].of > 0 {
            let given = shelved[k].given
            levels[k].notes.append(given > 0
                ? "\(whole(given)) of the \(whole(shelved[k].of)) delivered on PO lines since the count counted on the shelf here, the orders naming no location: the locations needing the most take them first; check where they went"
                : "the \(whole(shelved[k].of)) delivered on PO lines since the count are counted at the item's other locations, which need more, the orders naming no location")
        }
        for k in stock.indices where placed[k].of > 0 {
            let lines = use.unplacedLines[stock[k].item] ?? ""
            let given = placed[k].given
            levels[k].notes.append(given > 0
                ? "\(whole(given)) of the \(whole(placed[k].of)) on open PO lines (\(lines)) counted on order here, the orders naming no location: the locations needing the most take them first; move them if they are bound elsewhere"
                : "the \(whole(placed[k].of)) on open PO lines (\(lines)) are counted at the item's other locations, which need more, the orders naming no location")
        }
    }

    /// `reorder --lots`: each unit's lots used first-expiry-first-out at its forecast daily
    /// use; units that will expire before use are taken out of the inventory position (so
    /// the order replaces them, and the shelf-life cap counts only usable stock) and named
    /// in the reason with the flag `expiry_waste`.
    /// Returns the lots no stock line took (`C lot LC2 at OR`): at a location where the snapshot
    /// has no row of their item, they were dropped without a word.
    static func applyLots(_ table: Table, to stock: inout [StockItem], demands: [DemandEstimate], levels: inout [ReorderPlanner.Levels],
                          asOf: CalendarDay, byLocation: Bool, usedAt: (rates: LotUseRates, historic: [String: Double])? = nil) throws -> (unplaced: [String], places: [String]) {
        let lots = try PurchasingJob.lots(table)
        var byItem: [String: [LotExpiry.Lot]] = [:]
        for lot in lots { byItem[lot.item, default: []].append(lot) }
        // Each item's stock lines' locations, as their match keys.
        var placesOf: [String: [String]] = [:]
        for s in stock { placesOf[s.item, default: []].append(s.location.matchKey()) }
        // Lots of a stocked item at a place none of its stock lines is (by location only).
        let unplaced = byLocation ? lots.filter { lot in
            !lot.location.isEmpty && placesOf[lot.item].map { !$0.contains(lot.location.matchKey()) } ?? false
        }.map { "\($0.item) lot \($0.lot) at \($0.location)" } : []
        // Those lots, by item: the stock rows of their item are flagged and say where the lots
        // are and which inventory location each most likely is. Named only in reorder.md's
        // summary, lots at `OR-MAIN` against an inventory at `Main OR` left reorder.csv with no
        // flag and their expiring units counted as usable stock.
        var unmatched: [String: [String: Double]] = [:], unmatchedPlaces: [String] = []
        if byLocation {
            for lot in lots where !lot.location.isEmpty && placesOf[lot.item].map({ !$0.contains(lot.location.matchKey()) }) ?? false {
                unmatched[lot.item, default: [:]][lot.location, default: 0] += lot.quantity
            }
            var namesOf: [String: [String]] = [:]
            // For the run's note: each lot location once, with the inventory location it most
            // likely is among all the inventory's.
            for s in stock where !s.location.isEmpty { namesOf[s.item, default: []].append(s.location) }
            let everywhere = Array(Set(namesOf.values.joined()))
            var seen = Set<String>()
            for place in unmatched.values.flatMap(\.keys).sorted() where seen.insert(place).inserted {
                unmatchedPlaces.append(place + (ClosestName.closest(to: place, among: everywhere).map { " (closest inventory location: \($0))" } ?? ""))
            }
            // Each item's rows the unmatched lots most likely belong to: the closest inventory
            // location of each lot location; every row of the item when one has none. Flagged on
            // every row, East Clinic, whose lot at `East Clinic` was read and planned, carried
            // the flag of lots at `OR-MAIN` too.
            var rowsFor: [String: Set<String>?] = [:]
            for (item, places) in unmatched {
                let known = namesOf[item] ?? []
                let closest = places.keys.map { ClosestName.closest(to: $0, among: known) }
                rowsFor[item] = closest.contains { $0 == nil } ? .some(nil) : Set(closest.compactMap { $0 })
            }
            for k in stock.indices {
                guard let places = unmatched[stock[k].item] else { continue }
                if case let .some(.some(rows)) = rowsFor[stock[k].item], !rows.contains(stock[k].location) { continue }
                let known = namesOf[stock[k].item] ?? []
                let named = places.sorted { $0.key < $1.key }.map { place, units in
                    "\(place) (\(NumberFormat.fixed(units, decimals: 0)) units\(ClosestName.closest(to: place, among: known).map { "; the inventory's \($0)?" } ?? ""))"
                }
                levels[k].flags.append("lot_location_unmatched")
                levels[k].notes.append("lots at \(named.joined(separator: ", ")) match none of the item's inventory locations (\(known.sorted().joined(separator: ", "))): not planned, their expiry not counted; write the lots' locations as the inventory does")
            }
        }
        for k in stock.indices {
            guard var held = byItem[stock[k].item] else { continue }
            // A location spelled otherwise only in case and spaces (`icu` for `ICU`) is the same
            // place, as the usage's locations are: its lots were ignored, and expiring stock
            // counted as usable.
            if byLocation {
                let place = stock[k].location.matchKey()
                // A lot without a location belongs to the item's one location; with several it is
                // none of theirs (given to each, its waste counted once per location), and said.
                let locations = placesOf[stock[k].item]?.count ?? 0, several = locations > 1
                let unlocated = several ? held.filter { $0.location.isEmpty }.reduce(0) { $0 + $1.quantity } : 0
                held = held.filter { ($0.location.isEmpty && !several) || $0.location == stock[k].location || (!$0.location.isEmpty && $0.location.matchKey() == place) }
                if unlocated > 0 {
                    levels[k].notes.append("\(NumberFormat.fixed(unlocated, decimals: 0)) units in lots without a location are not planned at any of the item's \(locations) locations: give the lots' location")
                }
                guard !held.isEmpty else { continue }
            }
            let use = demands[k].dailyMean, cost = stock[k].unitCost
            // Planned by item with lots at the usage's locations: each location's lots at its
            // share of the item's demand (`LotUseRates`); pooled at 12 a day, an OR's lot of 100
            // expiring in 5 days used at 10 read as 60 used, the clinic's 30 "used" by the OR:
            // 40 to waste where 60 are, and no order where 24 were needed.
            var stockOf: (LotExpiry.Lot) -> String = { $0.item }
            var rateOf: (String) -> Double = { _ in use }
            var apart = false
            if let usedAt, held.contains(where: { usedAt.rates.stock(of: $0) != $0.item }) {
                let rates = usedAt.rates.rates(of: held, itemRate: { _ in use }, historic: usedAt.historic)
                stockOf = usedAt.rates.stock(of:)
                rateOf = { rates[$0] ?? 0 }
                apart = true
            }
            // Lots listed as of a count rolled forward (`--orders`): the units used since came
            // out of the lots expiring first, and are not expiry waste too. Planned on the lots
            // as counted, the 80 used since a count of 100 were taken off as use and again as
            // 30 units of waste: a position of -10 and 30 more ordered.
            var usedSince = stock[k].usedSinceCount
            if usedSince > 0 {
                held.sort { ($0.expiryDay, $0.lot) < ($1.expiryDay, $1.lot) }
                // Lots used apart: each location's share of the use since came out of its own.
                if apart {
                    let keys = held.map(stockOf), total = Set(keys).reduce(0) { $0 + rateOf($1) }
                    var share: [String: Double] = [:]
                    for key in Set(keys) { share[key] = total > 0 ? usedSince * rateOf(key) / total : 0 }
                    for i in held.indices {
                        let taken = min(held[i].quantity, share[keys[i]] ?? 0)
                        held[i].quantity -= taken
                        share[keys[i], default: 0] -= taken
                        usedSince -= taken
                    }
                }
                for i in held.indices where usedSince > 0 {
                    let taken = min(held[i].quantity, usedSince)
                    held[i].quantity -= taken
                    usedSince -= taken
                }
                held.removeAll { $0.quantity <= 0 }
                guard !held.isEmpty else { continue }
            }
            // On hand at as-of: the count less its use since, with what arrived since (a review:
            // 200 received after a count of 150 were left out of the cap, and 240 units due to
            // expire read as 90, with a false lot_count_mismatch and no stockout_risk).
            let remaining = stock[k].onHandAtAsOf
            // Lots holding more than the count is a stale lot file or a wrong count: which one,
            // the data cannot tell. Expiry is planned on the stock counted, taken as the lots
            // expiring first (`LotExpiry.holding`: no lot wastes more than is left of the count
            // when it expires), flagged, and the reason says so.
            let listed = held.reduce(0) { $0 + $1.quantity }
            if listed > remaining + 0.5 {
                levels[k].notes.append("the lots hold \(NumberFormat.fixed(listed, decimals: 0)) units against \(NumberFormat.fixed(remaining, decimals: 0)) on hand: check the count or the lot file (expiry planned on the \(NumberFormat.fixed(max(0, remaining), decimals: 0)) on hand, taken as the lots expiring first)")
                stock[k].lotsExceedOnHand = true
                held = LotExpiry.holding(remaining, of: held)
                guard !held.isEmpty else { continue }
            }
            let risks = LotExpiry.plan(held, asOf: asOf.daysSinceEpoch, stock: stockOf, dailyUse: rateOf, unitCost: { _ in cost > 0 ? cost : nil })
            let wasted = risks.filter { $0.expectedWaste > 0 }
            let waste = wasted.reduce(0) { $0 + $1.expectedWaste }
            // Waste is said in whole units: less than half a unit is none. A lot of 50 used at
            // 5 a day over the 10 days to its expiry kept a residue of the arithmetic above 0,
            // and was flagged expiry_waste as "0 units expected to expire ($0)", counted among
            // the lines holding more than can be used before expiry (a reviewer's case).
            guard waste >= 0.5 else { continue }
            // Never more than the stock on hand (the lots are cut to it above), and so is what the
            // reason says (it said 605 units would expire of the 150 on hand).
            let counted = min(waste, remaining)
            stock[k].expectedExpiryWaste = counted
            let expired = wasted.filter { $0.lot.expiryDay <= asOf.daysSinceEpoch }.reduce(0) { $0 + $1.expectedWaste }
            stock[k].expiredAtAsOf = min(expired, counted)
            let shown = wasted.prefix(3).map { risk in
                "lot \(risk.lot.lot) \(NumberFormat.fixed(risk.expectedWaste, decimals: 0)) of \(NumberFormat.fixed(risk.lot.quantity, decimals: 0)) "
                    + (risk.lot.expiryDay <= asOf.daysSinceEpoch ? "expired " : "by ") + "\(CalendarDay(daysSinceEpoch: risk.lot.expiryDay))"
            }
            let value = cost > 0 ? " ($\(NumberFormat.fixed(counted * cost, decimals: 2)))" : ""
            let cap = counted < waste ? " (the lots as listed lose \(NumberFormat.fixed(waste, decimals: 0)); capped at the stock on hand)" : ""
            var pace = "at \(NumberFormat.fixed(use, decimals: 2))/day"
            if apart {
                var seen: Set<String> = [], places: [String] = []
                for lot in held.sorted(by: { stockOf($0).utf8.lexicographicallyPrecedes(stockOf($1).utf8) }) where seen.insert(stockOf(lot)).inserted {
                    places.append("\(stockOf(lot) == lot.item ? "elsewhere" : lot.location) \(NumberFormat.fixed(rateOf(stockOf(lot)), decimals: 2))/day")
                }
                pace = "at each location's share of the use (\(places.joined(separator: ", ")))"
            }
            levels[k].notes.append("\(NumberFormat.fixed(counted, decimals: 0)) units expected to expire before use\(value)\(cap), first expiry first out \(pace): \(shown.joined(separator: ", "))\(wasted.count > 3 ? " and \(wasted.count - 3) more lots" : ""); not counted as stock")
        }
        return (unplaced, unmatchedPlaces)
    }
}
