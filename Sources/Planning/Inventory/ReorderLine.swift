import Forecasting

/// One item's stock position, as read from the item master and the inventory snapshot.
public struct StockItem: Sendable {
    public var item: String
    public var description = ""
    public var vendor = ""
    public var location = ""
    public var unitCost = 0.0
    public var packSize = 1.0
    public var minimumOrder = 0.0
    /// The vendor's minimum order when the item's locations share it (`SharedMinimumOrder`):
    /// `minimumOrder` is then what this location must order of it, `locationsSharingMinimum`
    /// how many locations order the item and `sharedOrderTotal` what they order together.
    public var sharedMinimumOrder: Double?
    public var locationsSharingMinimum = 0
    public var sharedOrderTotal = 0.0
    /// Raising this location towards the shared minimum met its shelf-life cap.
    public var sharedCappedByShelfLife = false
    public var leadTimeDays: Double?
    public var leadTimeStandardDeviationDays = 0.0
    public var reviewPeriodDays: Double?
    public var shelfLifeDays: Double?
    public var criticality: ServiceLevelMatrix.Criticality = .essential
    public var serviceLevel: Double?
    public var parLevel: Double?
    public var discontinued = false
    /// The item master has no unit cost and the usage none either: the order's cost is
    /// unknown, flagged `missing_cost` rather than planned as free.
    public var missingCost = false
    /// The unit cost is the latest price in the usage, the item master having none.
    public var costFromUsage = false
    /// The item has no row in the item master: no vendor, pack, minimum or criticality of its
    /// own, planned on the defaults and flagged `not_in_item_master`.
    public var notInItemMaster = false
    public var onHand = 0.0
    public var onOrder = 0.0
    public var backorders = 0.0
    /// Days between the inventory snapshot's `as_of` and the plan's as-of day (the oldest of
    /// the rows planned together), nil when the snapshot has no date.
    public var countAgeDays: Int?

    public init(item: String) { self.item = item }

    /// Units of the stock's lots expected to expire before use (`reorder --lots`): not counted
    /// in the position, since they will never serve demand.
    public var expectedExpiryWaste = 0.0
    /// Units of the stock's lots already expired on the plan's as-of day (`reorder --lots`; part
    /// of `expectedExpiryWaste`): on the shelf, but serving no demand, so they give no days of
    /// supply (90 expired of 100 on hand read as 10 days' cover, and no stockout risk).
    public var expiredAtAsOf = 0.0
    /// The lots list more units than are on hand (`reorder --lots`): a stale lot file or a
    /// wrong count, flagged `lot_count_mismatch`.
    public var lotsExceedOnHand = false

    /// Units the usage records as used between the count and the plan's as-of day, taken off
    /// the position when the receipts of those days are known too (`reorder --orders`).
    public var usedSinceCount = 0.0
    /// Units of PO lines that arrived between the count and the plan's as-of day: on the shelf
    /// at as-of, and not in `onOrder`, which is what is still on order at as-of
    /// (`OpenOrders.SinceCount`). Kept apart so that no unit is counted as both.
    public var receivedSinceCount = 0.0
    /// Units the count saw that went back to the vendor between the count and the plan's
    /// as-of day (a receipt reversed, or a return; `OpenOrders.Line.returned`): off the shelf.
    public var returnedSinceCount = 0.0
    /// Units of an item at several locations that its PO lines delivered since the count, the
    /// orders naming no location: shared among the locations by need (`UnplacedOnOrder`), then 0.
    public var unplacedReceived = 0.0

    /// An open line's units still to come, due `inDays` after the plan's as-of day.
    public struct Arrival: Sendable, Equatable {
        public var inDays: Double
        public var quantity: Double
        public init(inDays: Double, quantity: Double) {
            self.inDays = inDays
            self.quantity = quantity
        }
    }
    /// Units still to come on open PO lines of an item stocked at several locations, which the
    /// orders (without a location column) do not place at any (`reorder --orders`), and when
    /// they are due: the same on each of the item's stock lines until `UnplacedOnOrder.apply`
    /// nets them against the locations, each unit at one.
    public var unplacedOnOrder = 0.0
    public var unplacedArrivals: [Arrival] = []

    /// When what is on order arrives, where the open PO lines date it (`reorder --orders`: each
    /// line due its lead time after its order); nil when on order is a figure without dates.
    public var arrivals: [Arrival]?

    /// On hand at as-of (the count, less the use and the returns and plus the receipts since it) and on order at
    /// as-of, less backorders and the units expected to expire before use. Not clamped at 0: a
    /// count below the use since is a shortfall the order makes up.
    public var inventoryPosition: Double { onHand - usedSinceCount + receivedSinceCount - returnedSinceCount + onOrder - backorders - expectedExpiryWaste }

    /// What is on the shelf on the plan's as-of day: the count, rolled forward by the use and the
    /// receipts since when it was taken earlier (`reorder --orders`).
    public var onHandAtAsOf: Double { max(0, onHand - usedSinceCount + receivedSinceCount - returnedSinceCount) }

    /// What on the shelf on the plan's as-of day can still be used: without the expired units.
    public var usableOnHandAtAsOf: Double { max(0, onHandAtAsOf - expiredAtAsOf) }

    /// What on the shelf serves demand: without every unit expected to expire before use
    /// (`reorder --lots`, first expiry first out), as the position counts it; the days of supply
    /// and the stockout test read it. 50 on hand of which 40 expire in 2 days at 10 a day (20
    /// of them wasted) read as 5 days of cover and no stockout risk with a 4-day lead time; 30
    /// serve, 3 days. Units wasted only after the lead time never make a risk of it: stock
    /// whose lots outlast the lead time serves it whole, or runs out within it anyway.
    public var coverOnHandAtAsOf: Double { max(0, onHandAtAsOf - max(expectedExpiryWaste, expiredAtAsOf)) }

    /// Whether the shelf empties before an order placed on the as-of day could arrive, `lead`
    /// days on, at `dailyUse`: what is on hand, plus each open line on the day it is due when the
    /// lines date it. Stock on order without dates is not counted on to come in time. The test
    /// on hand alone flagged an item whose 100 on order were due the day before its 50 on hand
    /// ran out (`stockout_risk`, and "may stock out before the next delivery").
    public func runsOut(dailyUse: Double, within lead: Double) -> Bool {
        var stock = coverOnHandAtAsOf
        for arrival in (arrivals ?? []).sorted(by: { $0.inDays < $1.inDays }) where arrival.inDays < lead {
            if stock < dailyUse * arrival.inDays - 1e-9 { return true }
            stock += arrival.quantity
        }
        return stock < dailyUse * lead - 1e-9
    }
}

/// What the forecast says about an item's demand, per day.
public struct DemandEstimate: Sendable {
    public var dailyMean: Double
    public var dailyStandardDeviation: Double
    public var demandClass: DemandClass
    /// Variance-to-mean ratio of daily use, for count distributions.
    public var dispersion: Double
    public var historyDays: Int
    /// Days since the item was last used (nil: never).
    public var daysSinceLastUse: Int?
    /// Backtest MASE of the chosen forecast, when there was a backtest.
    public var backtestMASE: Double?
    /// Use occasions a day (`UseOccasions.dailyRate`), which the dead-item rule counts; nil
    /// when unknown, read as `dailyMean` (each use is a unit at least: the most it can be).
    public var useOccasionsPerDay: Double?
    /// Whether the item's idle spell may be an off-season (`OffSeason`: less than a year since
    /// first use, and its use faded into the spell): the rule that plans an item unused for 90
    /// days at 0 (`ReorderPlanner`) then leaves its forecast alone. A seasonal antivenom idle
    /// since its first October was planned at 0 and flagged dead stock before the next season.
    public var idleMayBeOffSeason = false

    public init(dailyMean: Double, dailyStandardDeviation: Double, demandClass: DemandClass, dispersion: Double = 1,
                historyDays: Int, daysSinceLastUse: Int?, backtestMASE: Double? = nil) {
        self.dailyMean = dailyMean
        self.dailyStandardDeviation = dailyStandardDeviation
        self.demandClass = demandClass
        self.dispersion = dispersion
        self.historyDays = historyDays
        self.daysSinceLastUse = daysSinceLastUse
        self.backtestMASE = backtestMASE
    }

    /// Whether the forecast is of no use: under one unit in ten times the item's history (ten
    /// years at least, `leastDailyUse`). With use in a history of H days the least rate the
    /// data can show is one unit in H days; a forecast ten times below it is a model's level
    /// decaying through the months without use, not a rate. Read as use, 1.8e-49 a day gave
    /// days of supply of 5.7e49 "at 0/day" and, with the forecast's error of units, a count
    /// distribution no fill-rate search could meet: an order of ~100 million of a vital part.
    /// A spare part used 4 a month for 20 months and then not for three was forecast 3.2e-5 a
    /// day: 496,402.7 days of supply.
    public var forecastsNoUse: Bool { !(dailyMean >= Self.leastDailyUse(historyDays: historyDays)) }

    /// Whether the item was used once but not in the last `days` days (the dead-stock rule,
    /// `ReorderSettings.deadStockDays`); an item never used is not (a new item, or one a par
    /// level plans).
    public func unused(for days: Int) -> Bool { (daysSinceLastUse ?? 0) >= days }

    /// Whether `days` days without a use are beyond chance at the item's rate of use
    /// occasions (`UseOccasions`): counted in uses, not units.
    public func silenceIsBeyondChance(days: Int) -> Bool {
        UseOccasions.silenceIsBeyondChance(days: days, dailyRate: useOccasionsPerDay ?? dailyMean)
    }

    /// The least daily forecast read as use, for an item with `historyDays` days of history.
    public static func leastDailyUse(historyDays: Int) -> Double { 1 / (10 * Double(max(historyDays, 365))) }

    /// Demand over the protection interval and over the lead time alone, when known day by
    /// day (`IntervalDemand`); the planner falls back to the daily mean and spread without them.
    public var overProtection: IntervalDemand?
    public var overLead: IntervalDemand?

    /// Demand over the days after `asOf` from a weekly forecast and the item's recent daily use.
    /// - Parameters:
    ///   - firstWeekday: ISO weekday of the day after as-of; `firstWeek`: its week's index in the forecast.
    public init(_ forecast: SeriesForecast, history: [Double], recent: IntervalDemand.RecentWeeks, firstWeekday: Int, firstWeek: Int,
                protectionDays: Double, leadDays: Double, historyDays: Int, daysSinceLastUse: Int?) {
        // Slow and intermittent items are planned on a count distribution whose dispersion is
        // the last year's spread within each quarter, a one-off quarter left out
        // (`RecentWeeks.pooledDispersion`): the recent weeks alone hold too few of a lumpy
        // item's issues, and the whole history's plain ratio counts a change of level as spread.
        let counts = SafetyStock.isCountClass(forecast.demandClass)
        let dispersion = (counts ? IntervalDemand.RecentWeeks.pooledDispersion(weeklyTotals: history) ?? recent.weeklyDispersion() : nil)
            ?? history.withUnsafeBufferPointer { CountDistribution.dispersion(of: $0) }
        let spreads = counts ? forecast.mean.map { (max(0, $0) * dispersion).squareRoot() } : forecast.spread
        self.init(forecast, dispersion: dispersion, protectionDays: protectionDays, leadDays: leadDays,
                  historyDays: historyDays, daysSinceLastUse: daysSinceLastUse) { days in
            IntervalDemand(weekMeans: forecast.mean, weekSpreads: spreads, firstWeekday: firstWeekday, firstWeek: firstWeek,
                           days: days, recent: recent)
        }
        idleMayBeOffSeason = history.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 52) }
    }

    /// Demand over the days after `asOf` from a daily forecast whose first day is the day
    /// after as-of (items used every day: `IntervalDemand.RecentWeeks.isUsedDaily`).
    public init(daily forecast: SeriesForecast, history: [Double], protectionDays: Double, leadDays: Double,
                historyDays: Int, daysSinceLastUse: Int?) {
        self.init(forecast, dispersion: history.withUnsafeBufferPointer { CountDistribution.dispersion(of: $0) },
                  protectionDays: protectionDays, leadDays: leadDays, historyDays: historyDays, daysSinceLastUse: daysSinceLastUse) { days in
            IntervalDemand(dayMeans: forecast.mean, daySpreads: forecast.spread, days: days)
        }
        idleMayBeOffSeason = history.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 365) }
    }

    /// Both forms: demand over the protection interval and the lead time from `interval`, the
    /// daily mean and spread those imply, and the chosen forecast's backtest MASE.
    private init(_ forecast: SeriesForecast, dispersion: Double, protectionDays: Double, leadDays: Double,
                 historyDays: Int, daysSinceLastUse: Int?, interval: (Double) -> IntervalDemand) {
        let overP = interval(protectionDays)
        let days = max(protectionDays, 1e-9)
        self.init(dailyMean: overP.mean / days, dailyStandardDeviation: (overP.variance / days).squareRoot(), demandClass: forecast.demandClass,
                  dispersion: dispersion,
                  historyDays: historyDays, daysSinceLastUse: daysSinceLastUse,
                  backtestMASE: forecast.candidates.first { $0.chosen }?.metrics.mase)
        overProtection = overP
        overLead = leadDays == protectionDays ? overP : interval(leadDays)
    }
}


/// A line of reorder.csv: DESIGN.md's columns, plus the class used for the service level.
public struct ReorderLine: Sendable {
    public var item: String
    public var description: String
    public var vendor: String
    public var location: String
    /// On the shelf at as-of: a count taken before it rolled forward (`StockItem.onHandAtAsOf`),
    /// as `onOrder` is, so the row reads on hand + on order = position (less backorders and
    /// expiry). The count itself showed 40 beside a position of 115 from 90 on the shelf.
    public var onHand: Double
    public var onOrder: Double
    public var inventoryPosition: Double
    /// Demand over lead time + review period.
    public var demandForecast: Double
    public var safetyStock: Double
    public var reorderPoint: Double
    public var orderUpTo: Double
    public var orderQuantity: Double
    public var packs: Double
    public var unitCost: Double
    public var orderCost: Double
    /// On hand / daily demand; nil with no demand.
    public var daysOfSupply: Double?
    public var serviceLevel: Double
    public var policy: String
    public var flags: [String]

    /// No unit cost in the item master or the usage (flag `missing_cost`): the line's cost is
    /// unknown, not zero.
    public var costUnknown: Bool { flags.contains("missing_cost") }
    public var reason: String
    public var abc: ServiceLevelMatrix.ABC
    public var criticality: ServiceLevelMatrix.Criticality
    /// The lead time the line was planned with, in days (observed over `--orders`' receipts
    /// where an item has enough, else the item master's or the default).
    public var leadTimeDays = 0.0
    /// Units of the stock on hand expected to expire before use (`--lots`): waste, counted
    /// as such, not as stock held above target.
    public var expectedExpiryWaste = 0.0
    /// The demand class of the item's use, which the replay (`--simulate`) reports by: a
    /// criticality's fill rate pooled over smooth and lumpy items hid the lumpy ones' misses.
    public var demandClass: DemandClass? = nil

    public static let csvHeader = ["item", "description", "vendor", "location", "on_hand", "on_order", "inventory_position",
                                   "demand_forecast", "safety_stock", "reorder_point", "order_up_to", "order_qty", "packs",
                                   "unit_cost", "order_cost", "days_of_supply", "service_level", "policy", "flags", "reason"]
}
