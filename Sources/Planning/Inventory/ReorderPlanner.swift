import Forecasting
import Tabular

/// Turns an item's stock position and demand forecast into a reorder line with a plain
/// explanation: the protection interval, the safety stock for the item's service level,
/// the policy's levels, the order rounded to packs and minimums and capped by shelf life.
public struct ReorderPlanner: Sendable {
    public var settings: ReorderSettings

    public init(settings: ReorderSettings = ReorderSettings()) { self.settings = settings }

    /// An item's replenishment levels: everything that depends on the item and its demand but
    /// not on a location's stock, so several locations of one item compute them once.
    public struct Levels: Sendable {
        public var serviceLevel: Double
        public var leadTime: Double
        public var review: Double
        public var dailyDemand: Double
        public var protectionDemand: Double
        public var protectionStandardDeviation: Double
        public var usesCounts: Bool
        public var safetyStock: Double
        public var reorderPoint: Double
        public var orderUpTo: Double
        public var economicLot: Double
        public var flags: [String]
        public var notes: [String]
    }

    /// Days the demand forecast must cover: lead time, plus the review period under periodic
    /// review and min/max (looked at only at reviews: `minMaxReviewed`).
    public func protectionDays(_ s: StockItem) -> Double {
        leadDays(s) + (reviewed ? reviewDays(s) : 0)
    }

    /// Whether the position is looked at only at reviews: periodic review and min/max.
    var reviewed: Bool { settings.policy == .periodicReview || settings.policy == .minMax }

    func leadDays(_ s: StockItem) -> Double { s.leadTimeDays ?? settings.defaultLeadTimeDays }
    func reviewDays(_ s: StockItem) -> Double { s.reviewPeriodDays ?? settings.defaultReviewPeriodDays }

    public func levels(_ s: StockItem, demand: DemandEstimate, abc: ServiceLevelMatrix.ABC) -> Levels {
        let serviceLevel = min(max(s.serviceLevel ?? settings.serviceLevel ?? settings.matrix.level(criticality: s.criticality, abc: abc), 0.5), 0.9999)
        let lead = leadDays(s)
        let review = reviewed ? reviewDays(s) : 0
        // A forecast of almost nothing is no use (`DemandEstimate.forecastsNoUse`): planned as
        // 0, the demand of the protection interval with it, whatever spread the forecast carries.
        // Nor is an item not used for `deadStockDays` (90) although its forecast expects a use in
        // fewer days (the rule by which the same plan calls its stock dead): with an empty shelf,
        // a screw unused for 95 days was forecast 0.04 a day (a use every 25 days) by its models
        // and ordered 3 ($300, stockout_risk), one unused for 88 days not at all. Only when the
        // silence is beyond chance at its own rate of uses, counted in uses, not units
        // (`UseOccasions`): a kit used twice a year keeps its level, and so do 36 vials used
        // in each of the same crises. (Never used: `neverUsed` below.)
        // Its forecast is still shown as `demand_forecast` (what the models say), its levels are 0.
        // Unless the idle spell may be an off-season (`DemandEstimate.idleMayBeOffSeason`): an
        // antivenom used Apr to Oct of its first year, 2 to 7 vials a month, idle since, was
        // planned at 0 and flagged dead stock (session start: 3.7 a month, 2 ordered).
        let dead = !demand.forecastsNoUse && demand.unused(for: settings.deadStockDays) && demand.silenceIsBeyondChance(days: settings.deadStockDays)
            && !demand.idleMayBeOffSeason
        let noUse = demand.forecastsNoUse || dead
        let d = noUse ? 0 : demand.dailyMean
        func over(_ days: Double, _ known: IntervalDemand?) -> ProtectionDemand {
            if noUse { return ProtectionDemand(dailyDemand: 0, dailyStandardDeviation: 0, leadTimeDays: days, leadTimeStandardDeviationDays: 0, reviewPeriodDays: 0) }
            if let known { return ProtectionDemand(known, days: days, dailyDemand: d, leadTimeStandardDeviationDays: s.leadTimeStandardDeviationDays) }
            return ProtectionDemand(dailyDemand: d, dailyStandardDeviation: demand.dailyStandardDeviation, leadTimeDays: days,
                                    leadTimeStandardDeviationDays: s.leadTimeStandardDeviationDays, reviewPeriodDays: 0)
        }
        let overP = over(lead + review, demand.overProtection)
        let overL = over(lead, demand.overLead)
        // The service level is a fill-rate target: the share of units served from stock.
        // Shortages happen once per replenishment cycle, so what is allowed short is
        // (1 - target) x the demand of one cycle: a review period's demand, or one order Q.
        let economic = OrderQuantity.economic(annualDemand: d * 365, orderingCost: settings.orderingCost,
                                              holdingRate: settings.holdingRate, unitCost: s.unitCost)
        // No forecast use, no lot: a lot of at least 1 put a part of no use on order under
        // continuous review (raised to the pack and the vendor's minimum: 20 at $100 beside
        // "no forecast use"), where its levels are 0.
        let economicLot = noUse ? 0 : economic ?? max(d * 7, 1)
        let cycleDemand: Double
        switch settings.policy {
        case .periodicReview: cycleDemand = d * max(review, 1)
        case .continuous: cycleDemand = economicLot
        case .minMax: cycleDemand = d * max(reviewDays(s), 1)
        }
        var unreachable = false
        func safety(_ p: ProtectionDemand) -> Double {
            guard SafetyStock.usesCounts(demandClass: demand.demandClass, intervalMean: p.mean) else {
                if settings.serviceMeasure == .cycle { return SafetyStock.normal(serviceLevel: serviceLevel, standardDeviation: p.standardDeviation) }
                return SafetyStock.normal(fillRate: serviceLevel, standardDeviation: p.standardDeviation, cycleDemand: cycleDemand)
            }
            // The count model's variance is the interval's: demand's own spread plus what the
            // lead time's spread adds (d^2 sigma_L^2), as a variance-to-mean ratio.
            let variance = demand.overProtection != nil ? p.standardDeviation * p.standardDeviation
                : p.mean * max(demand.dispersion, 1) + d * d * s.leadTimeStandardDeviationDays * s.leadTimeStandardDeviationDays
            let dispersion = p.mean > 0 ? variance / p.mean : 1
            if settings.serviceMeasure == .cycle { return SafetyStock.count(serviceLevel: serviceLevel, mean: p.mean, dispersion: dispersion) }
            if let reached = SafetyStock.countWithinReach(fillRate: serviceLevel, mean: p.mean, dispersion: dispersion, cycleDemand: cycleDemand) {
                return reached
            }
            // No level within reach meets the target: held to the same cycle service level,
            // and said so (the search's bound was planned as the level: 100,000,000).
            unreachable = true
            return SafetyStock.count(serviceLevel: serviceLevel, mean: p.mean, dispersion: dispersion)
        }
        var flags: [String] = []
        var notes: [String] = []
        // Levels are never below zero; safety stock may be (SafetyStock.normal(fillRate:)).
        var reorderPoint = max(0, overL.mean + safety(overL))
        var orderUpTo = max(0, overP.mean + safety(overP))
        var safetyStock = orderUpTo - overP.mean
        if settings.policy == .minMax {
            // Min/max is looked at only at reviews: a position found just above min must last
            // the review period and then the lead time, so min is the periodic order-up-to
            // level (demand over lead time + review, and its safety stock). Min covering the
            // lead time alone (107 for IV tubing used 40 a day, lead time 3 days, review 7)
            // replayed at a 70.36% fill rate against 95%, 41 stockout item-days in 8 weeks.
            reorderPoint = orderUpTo
            // Max covers one review period's demand beyond min, so an order placed at min
            // lasts until the next review instead of triggering again at once.
            orderUpTo = reorderPoint + d * reviewDays(s)
        }
        var heldAtLeadDemand = false
        if settings.policy == .continuous {
            // A fill rate over a cycle of Q allows (1 - target) x Q short per cycle; with a large
            // economic lot (52 days of use) that exceeds the whole lead time's demand, and the
            // reorder point fell to 0: an order placed when the shelf is empty, out of stock
            // for the lead time of every cycle, flagged stockout_risk beside "no order". The
            // reorder point covers at least the lead time's expected demand.
            if reorderPoint < overL.mean {
                // Said only when it matters (a unit or more below); a par level may lower it again below.
                heldAtLeadDemand = reorderPoint < overL.mean - 0.5
                reorderPoint = overL.mean
                safetyStock = max(safetyStock, 0)
            }
            // (s, Q): an order of Q placed at s lifts the position to s + Q at most, the level the
            // report reads as the target (it showed s itself, with Q only in the order).
            orderUpTo = reorderPoint + economicLot
        }
        if demand.historyDays < settings.newItemDays {
            // An item the usage never shows is not a new item in use (it was flagged both new and
            // dead stock); stock held of it is dead stock, and a par level still sets its levels.
            let neverUsed = demand.daysSinceLastUse == nil
            if !neverUsed { flags.append("new_item") }
            let what = neverUsed ? "never used in the usage" : "new item with \(demand.historyDays) days of history"
            if let par = s.parLevel {
                // Too little history to trust a forecast: keep the current par level.
                orderUpTo = par
                reorderPoint = min(reorderPoint, par)
                safetyStock = max(0, par - overP.mean)
                notes.append("\(what): planned to its par level \(fmt(par))")
            } else if !neverUsed {
                // A first use or two within the usage's last, part week gives no rate: said so,
                // where "planned from that short history" beside no demand read as a plan.
                notes.append(d > 0 ? "\(what): planned from that short history"
                             : "\(what): too little use to plan from (no whole week, nor use on most days since): set its level by hand or give it a par level")
            }
        }
        if unreachable {
            notes.append("the \(fmt(serviceLevel * 100, 1))% fill rate cannot be planned: the forecast's error (standard deviation \(fmt(overP.standardDeviation, 1)) over \(fmt(lead + review)) days) dwarfs its demand of \(fmt(overP.mean, 2)), and no stock level within \(fmt(SafetyStock.reach)) standard deviations meets it; planned to a \(fmt(serviceLevel * 100, 1))% chance of no stockout per cycle instead")
        }
        if heldAtLeadDemand && reorderPoint >= overL.mean - 1e-9 {
            let lot = economic == nil ? "a week's use (\(fmt(economicLot, 0)); no economic lot without \(s.unitCost > 0 ? "ordering and holding costs" : "a unit cost"))" : "an economic lot of \(fmt(economicLot, 0))"
            notes.append("reorder point held at the lead time's demand \(fmt(overL.mean, 1)): the \(fmt(serviceLevel * 100, 1))% fill rate over \(lot) alone would put it lower, out of stock before every delivery")
        }
        let shownDemand = dead ? (demand.overProtection?.mean ?? demand.dailyMean * (lead + review)) : overP.mean
        return Levels(serviceLevel: serviceLevel, leadTime: lead, review: review, dailyDemand: d, protectionDemand: shownDemand,
                      protectionStandardDeviation: overP.standardDeviation,
                      usesCounts: SafetyStock.usesCounts(demandClass: demand.demandClass, intervalMean: overP.mean),
                      safetyStock: safetyStock, reorderPoint: reorderPoint, orderUpTo: orderUpTo, economicLot: economicLot,
                      flags: flags, notes: notes)
    }

    public func plan(_ s: StockItem, demand: DemandEstimate, abc: ServiceLevelMatrix.ABC) -> ReorderLine {
        plan(s, demand: demand, abc: abc, levels: levels(s, demand: demand, abc: abc))
    }

    /// An inventory count older than this many days before the plan's as-of day is flagged
    /// `stale_count`: a week's use has moved the stock since. The plan still uses it (receipts
    /// since the count are unknown, so rolling it forward would guess), but says so: a snapshot
    /// 106 days old ordered nothing for an item used 10 a day, silently.
    public static let staleCountDays = 7

    /// The line for one location's stock, given the item's levels.
    public func plan(_ s: StockItem, demand: DemandEstimate, abc: ServiceLevelMatrix.ABC, levels: Levels) -> ReorderLine {
        let serviceLevel = levels.serviceLevel, lead = levels.leadTime, review = levels.review, d = levels.dailyDemand
        let safetyStock = levels.safetyStock, reorderPoint = levels.reorderPoint, orderUpTo = levels.orderUpTo
        let economicLot = levels.economicLot
        var flags = levels.flags
        var notes = levels.notes
        let position = s.inventoryPosition
        var needed = 0.0
        switch settings.policy {
        case .periodicReview:
            needed = position < orderUpTo ? orderUpTo - position : 0
        case .minMax:
            needed = position <= reorderPoint ? orderUpTo - position : 0
        case .continuous:
            if economicLot <= 0 {
                // No lot (no forecast use): up to the levels of 0, as under periodic review.
                needed = position < orderUpTo ? orderUpTo - position : 0
            } else if position <= reorderPoint {
                let q = economicLot
                // Enough lots of Q to lift the position above the reorder point.
                needed = max(1, ((reorderPoint - position) / q).rounded(.down) + 1) * q
            }
        }
        // Units of the order usable before they expire: it arrives after the lead time, when
        // what is left of the position (if any) goes first; from then on the shelf life's days of
        // use are its to serve. Subtracting the whole position, as if none of it were used during
        // the lead time, cut 10 a day with a 10-day shelf life, 7-day lead time and 50 on hand
        // to an order of 50, gone four days after it arrived and a week before the next.
        let usable = s.shelfLifeDays.map { d * $0 - max(position - d * lead, 0) }
        var rounded = OrderQuantity.round(needed, packSize: s.packSize, minimumOrder: s.minimumOrder, usableWithinShelfLife: usable)
        if s.discontinued {
            flags.append("discontinued")
            rounded = OrderQuantity.Rounded(quantity: 0, packs: 0, cappedByShelfLife: false, raisedToMinimum: false)
            notes.append("discontinued in the item master: not reordered")
        }
        let cappedByShelfLife = rounded.cappedByShelfLife || s.sharedCappedByShelfLife
        if cappedByShelfLife { flags.append("shelf_life_cap") }
        if s.notInItemMaster { flags.append("not_in_item_master") }
        if s.missingCost { flags.append("missing_cost") }
        if s.expectedExpiryWaste > 0 { flags.append("expiry_waste") }
        if s.lotsExceedOnHand { flags.append("lot_count_mismatch") }
        let sharedShort = s.sharedMinimumOrder.map { s.locationsSharingMinimum > 1 && s.sharedOrderTotal < $0 - 1e-9 && rounded.quantity > 0 } ?? false
        if rounded.raisedToMinimum && !sharedShort { flags.append("minimum_order") }
        if rounded.belowMinimum || sharedShort { flags.append("below_minimum_order") }
        let staleCount = s.countAgeDays.map { $0 > ReorderPlanner.staleCountDays } ?? false
        if staleCount { flags.append("stale_count") }
        // A count taken after the plan's as-of day (replaying an earlier week against today's
        // snapshot) holds stock the plan's day did not have: planned as is, without a word.
        let countAfter = s.countAgeDays.map { $0 < 0 } ?? false
        if countAfter { flags.append("count_after_as_of") }

        // The shelf as of the plan's day (a count taken earlier is rolled forward by `--orders`),
        // without units already expired (`--lots`).
        let shelf = s.usableOnHandAtAsOf
        // Days of supply count only the units that serve demand: not those expected to expire first.
        let daysOfSupply = d > 0 ? s.coverOnHandAtAsOf / d : nil
        // A discontinued item running out is the intended outcome, not a risk.
        if d > 0 && !s.discontinued && s.runsOut(dailyUse: d, within: lead) { flags.append("stockout_risk") }
        if position < safetyStock && d > 0 && !s.discontinued { flags.append("below_safety_stock") }
        // Stock held at or under the level the plan keeps is not excess, nor dead: a vital kit
        // used twice a year, one on the shelf against an order-up-to level of one, was both.
        let aboveTarget = shelf > orderUpTo + 1e-9
        if let days = daysOfSupply, days > settings.excessDaysOfSupply, aboveTarget { flags.append("excess") }
        if let life = s.shelfLifeDays, shelf > 0, shelf > d * life { flags.append("expiry_risk") }
        if shelf > 0, aboveTarget, (demand.daysSinceLastUse ?? Int.max) >= settings.deadStockDays { flags.append("dead_stock") }
        if let mase = demand.backtestMASE, mase > settings.unreliableMASE { flags.append("unreliable_forecast") }

        // The reason, in the order a buyer reads it. Appended piece by piece into one String:
        // a week's list can hold millions of lines.
        var reason = ""
        reason.reserveCapacity(256)
        // Fixed arity rather than variadic: no array per clause.
        func part(_ a: String, _ b: String = "", _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "", _ g: String = "") {
            if !reason.isEmpty { reason += "; " }
            reason += a; reason += b; reason += c; reason += d; reason += e; reason += f; reason += g
        }
        // A count rolled forward says so where the shelf is read: "on hand 50 covers 5 days" of a
        // count 2 days old after 20 were used read as 5 days of cover for 3.
        // (Built only then: a week's list can hold millions of lines.)
        var onHandText = fmt(s.onHand)
        if s.usedSinceCount > 0 || s.receivedSinceCount > 0 || s.returnedSinceCount > 0 {
            onHandText = fmt(shelf) + " by as-of (counted " + onHandText + ", " + fmt(s.usedSinceCount)
                + (s.returnedSinceCount > 0 ? " used, " + fmt(s.returnedSinceCount) + " returned to the vendor" : " used")
                + " and " + fmt(s.receivedSinceCount) + " received since)"
        }
        let expiring = s.expectedExpiryWaste - s.expiredAtAsOf
        if s.expiredAtAsOf > 0 {
            onHandText += " (" + fmt(s.expiredAtAsOf) + " of it expired by as-of" + (expiring > 1e-9 ? ", " + fmt(expiring) + " more to expire before use)" : ")")
        } else if expiring > 1e-9 {
            onHandText += " (" + fmt(expiring) + " of it to expire before use)"
        }
        var vitalWithoutUse = false
        var lastUsedLongAgo: Int?
        if let days = daysOfSupply {
            part("on hand ", onHandText, " covers ", fmt(days, 1), " days at ", fmt(d, 2), "/day")
        } else {
            // Used lately but forecast at no use (a use that stopped): "no recent demand" would
            // not be so, and days of supply are none (empty), not 5.7e49 at "0/day".
            let since = demand.daysSinceLastUse.flatMap { $0 < settings.deadStockDays ? $0 : nil }
            if flags.contains("new_item") {
                part("on hand ", onHandText, ", no demand to plan from yet")
            } else if let since {
                part("on hand ", onHandText, ", no forecast use (last used ", fmt(Double(since)), since == 1 ? " day ago)" : " days ago)")
                vitalWithoutUse = s.criticality == .vital && !s.discontinued
            } else {
                part("on hand ", onHandText, ", no recent demand")
                lastUsedLongAgo = demand.daysSinceLastUse
            }
        }
        if review > 0 { part("lead time ", fmt(lead), " days + review ", fmt(review), " days") } else { part("lead time ", fmt(lead), " days") }
        // On order at as-of: units received since a rolled-forward count are on the shelf, said above.
        if s.onOrder > 1e-9 { part(fmt(s.onOrder), " on order") }
        if rounded.quantity > 0 {
            if s.packSize > 1 {
                part("order ", fmt(rounded.packs), rounded.packs == 1 ? " pack of " : " packs of ", fmt(s.packSize))
            } else {
                part("order ", fmt(rounded.quantity))
            }
            if let shared = s.sharedMinimumOrder, s.locationsSharingMinimum > 1 {
                let places = fmt(Double(s.locationsSharingMinimum))
                if s.sharedOrderTotal < shared - 1e-9 {
                    part("the ", places, " locations ordering the item together order ", fmt(s.sharedOrderTotal), ", below the vendor's minimum order ", fmt(shared),
                         ": more would expire unused at them within the shelf life; ask the vendor, or order the minimum and expect about ")
                    reason += fmt((shared - s.sharedOrderTotal).rounded(.up)) + " to expire"
                } else if rounded.raisedToMinimum {
                    part("raised so that the ", places, " locations ordering the item together order the vendor's minimum order ", fmt(shared))
                } else if rounded.quantity < shared {
                    part("below the vendor's minimum order ", fmt(shared), " alone; the ", places, " locations ordering the item together reach it (one purchase order)")
                }
            } else if rounded.raisedToMinimum {
                part("raised to the minimum order ", fmt(s.minimumOrder))
            }
        } else if !s.discontinued {
            if settings.policy == .periodicReview || (settings.policy == .continuous && economicLot <= 0) {
                // Under continuous review with no lot (no forecast use), against the level of 0 as
                // under periodic review: "position 0 is above the reorder point 0" was not so.
                part("no order: position ", fmt(position), fmt(position) == fmt(orderUpTo) ? " is at the order-up-to level " : " is above the order-up-to level ", fmt(orderUpTo))
            } else {
                part("no order: position ", fmt(position), " is above the reorder point ", fmt(reorderPoint))
            }
        }
        if vitalWithoutUse { part("a vital item used lately but forecast at no use: check whether it must stay on the shelf") }
        // Not used in `deadStockDays`: said when, as the plan for a dead item (no order).
        if let days = lastUsedLongAgo, !s.discontinued {
            part("last used ", fmt(Double(days)), " days ago: no use in ", fmt(Double(settings.deadStockDays)), " days, not reordered")
            if s.criticality == .vital { reason += " (a vital item: check whether it must stay on the shelf)" }
        }
        if cappedByShelfLife { part("capped to what can be used within the ", fmt(s.shelfLifeDays ?? 0), "-day shelf life") }
        if rounded.belowMinimum {
            part("below the vendor's minimum order ", fmt(s.minimumOrder), ": more than that would expire unused; ask the vendor, or order ", fmt(s.minimumOrder))
            reason += " and expect about " + fmt(max(0, (s.minimumOrder - max(usable ?? rounded.quantity, 0)).rounded(.up))) + " to expire"
        }
        if staleCount, let age = s.countAgeDays {
            part("on hand counted ", fmt(Double(age)), " days before the plan's as-of day: about ", fmt(d * Double(age)),
                 " used since at the forecast rate; plan from a current count")
        }
        if countAfter, let age = s.countAgeDays {
            part("on hand counted ", fmt(Double(-age)), -age == 1 ? " day" : " days", " after the plan's as-of day: the plan uses stock as it stood then; plan as of the count's day, or give the count of the as-of day")
        }
        if flags.contains("expiry_risk") { part("stock on hand exceeds use within its shelf life") }
        if s.notInItemMaster {
            part("not in the item master: no vendor, pack size or minimum order; planned with a lead time of ", fmt(lead),
                 " days and criticality ", s.criticality.rawValue, "; add it to the item master before ordering")
        }
        if s.missingCost { part("no unit cost in the item master or the usage: order cost unknown, held to class A service") }
        if s.costFromUsage { part("unit cost ", fmt(s.unitCost, 2), " from the latest usage", s.notInItemMaster ? "" : ", the item master has none") }
        if safetyStock < 0 {
            part("safety stock below zero: the ", fmt(serviceLevel * 100, 1),
                 "% fill-rate target allows more units short per cycle than the forecast's error makes likely")
        }
        for note in notes { part(note) }

        var line = ReorderLine(item: s.item, description: s.description, vendor: s.vendor, location: s.location,
                           onHand: s.onHandAtAsOf, onOrder: s.onOrder, inventoryPosition: position, demandForecast: levels.protectionDemand,
                           safetyStock: safetyStock, reorderPoint: reorderPoint, orderUpTo: orderUpTo,
                           orderQuantity: rounded.quantity, packs: rounded.packs, unitCost: s.unitCost,
                           orderCost: rounded.quantity * s.unitCost, daysOfSupply: daysOfSupply, serviceLevel: serviceLevel,
                           policy: settings.policy.rawValue, flags: flags, reason: reason,
                           abc: abc, criticality: s.criticality)
        line.leadTimeDays = lead
        line.expectedExpiryWaste = s.expectedExpiryWaste
        line.demandClass = demand.demandClass
        return line
    }

    func fmt(_ x: Double, _ decimals: Int = 0) -> String {
        decimals == 0 && x == x.rounded() ? NumberFormat.fixed(x, decimals: 0) : NumberFormat.fixed(x, decimals: max(decimals, 1))
    }
}
