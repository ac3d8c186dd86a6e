import Reports

/// Charts the tests draw: the two golden charts, realistic ones for looking at, and
/// hostile or degenerate ones that must still give a valid document.
enum ChartSamples {
    static let months = (0..<18).map { index in
        let month = (6 + index) % 12 + 1, year = 2025 + (6 + index) / 12
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    /// The golden fan chart: a year of monthly glove issues, six months of forecast.
    static let goldenFan = FanChart(
        title: "Nitrile gloves (box of 100): monthly issues",
        caption: "Forecast from the chosen model with 80% and 95% prediction intervals. Main Campus & clinics.",
        periods: months,
        history: [412, 398, 455, 430, 470, 441, 502, 488, 463, 517, 495, 530],
        forecast: [522, 531, 540, 536, 549, 556],
        bands: [
            .init(level: 80, lower: [488, 489, 490, 479, 484, 483], upper: [556, 573, 590, 593, 614, 629]),
            .init(level: 95, lower: [470, 467, 463, 449, 450, 444], upper: [574, 595, 617, 623, 648, 668]),
        ])

    /// The golden variance chart: department totals for a quarter, one name needing escaping.
    static let goldenVariance = VarianceBarChart(
        title: "FY2027-Q1 expense variance by department",
        caption: "Actual minus budget. Unfavorable bars are hatched.",
        bars: [
            .init(label: "Emergency", value: 184_500, favorable: false),
            .init(label: "Lab & Pathology", value: -42_300, favorable: true),
            .init(label: "Pharmacy", value: 1_240_000, favorable: false),
            .init(label: "Surgery", value: -310_000, favorable: true),
            .init(label: "Imaging", value: 0, favorable: true),
        ])

    static let staffing = GroupedBarChart(
        title: "FTE required vs budgeted, 2026-W27 to 2026-W39",
        caption: "Required FTE from forecast census and target HPPD; budgeted FTE from staffing targets.",
        categories: ["4 West Med-Surg", "ICU", "Emergency Department", "Labor & Delivery", "Behavioral Health"],
        series: [
            .init(name: "Required", values: [38.4, 52.1, 61.7, 24.3, 18.9]),
            .init(name: "Budgeted", values: [36, 54, 58.5, 26, 18.9]),
        ])

    static let weeklyFan: FanChart = {
        let weeks = (1...104).map { $0 <= 52 ? "2025-W" + format2($0) : "2026-W" + format2($0 - 52) }
        let history = (0..<91).map { 1_200_000 + 250_000 * sine($0) + Double($0 * 1_500) }
        let forecast = (0..<13).map { 1_340_000 + 250_000 * sine($0 + 91) }
        let spread80 = (1...13).map { 60_000 * Double($0).squareRoot() }
        let spread95 = spread80.map { $0 * 1.53 }
        return FanChart(
            title: "Pharmacy spend, weekly: two years of history and a quarter ahead",
            caption: "Long weekly series: period labels are thinned so they never overlap.",
            periods: weeks,
            history: history, forecast: forecast,
            bands: [
                .init(level: 0.95, lower: zip(forecast, spread95).map(-), upper: zip(forecast, spread95).map(+)),
                .init(level: 0.8, lower: zip(forecast, spread80).map(-), upper: zip(forecast, spread80).map(+)),
            ],
            format: .money)
    }()

    /// A year of daily census and a month ahead: long date labels on a crowded axis.
    static let dailyFan: FanChart = {
        let days = (0..<395).map { day -> String in
            let month = day / 31 % 12 + 1, date = day % 31 + 1
            return "2026-" + format2(month) + "-" + format2(date)
        }
        let history = (0..<365).map { 180 + 25 * sine($0 / 7) + Double($0 % 7) * 3 }
        let forecast = (0..<30).map { 190 + 25 * sine(($0 + 365) / 7) }
        return FanChart(
            title: "ICU census, daily", caption: "Patient days per day.", periods: days, history: history, forecast: forecast,
            bands: [.init(level: 80, lower: forecast.map { $0 - 15 }, upper: forecast.map { $0 + 15 })])
    }()

    /// Twelve departments with realistic long names and money variances either side of zero.
    static let departmentVariance = VarianceBarChart(
        title: "FY2027 year-to-date variance by department",
        caption: "Actual minus budget through 2026-09; expense departments.",
        bars: [
            ("Perioperative Services - Main OR", 412_300.0, false), ("Emergency Department", -18_250, true),
            ("Medical/Surgical Nursing 4 West", 96_400, false), ("Intensive Care Unit", -402_900, true),
            ("Pharmacy & Therapeutics", 1_875_000, false), ("Laboratory Services", 3_100, false),
            ("Diagnostic Imaging (CT, MRI, X-ray)", -7_950, true), ("Environmental Services", 0, true),
            ("Food & Nutrition", -64_000, true), ("Materials Management / Central Supply", 245_600, false),
            ("Respiratory Therapy", -1_050_000, true), ("Information Technology", 518_000, false),
        ].map { VarianceBarChart.Bar(label: $0.0, value: $0.1, favorable: $0.2) })

    static let percentVariance = VarianceBarChart(
        title: "Variance % by account",
        caption: "",
        bars: [
            .init(label: "Supplies", value: 12.5, favorable: false),
            .init(label: "Salaries", value: -3.25, favorable: true),
            .init(label: "Revenue: outpatient", value: 8, favorable: true),
        ],
        format: .percent)

    // MARK: Hostile and degenerate inputs

    static let hostileLabels = [
        "<script>alert('x')</script>",
        "R&D \"quoted\" 'single' ]]> --> <!-- &amp;",
        String(repeating: "Very long department name ", count: 20),
        "🏥 Emergency 👩‍⚕️🚑 日本語 Zürich",
        "tab\there\nnew line\r\u{0}\u{1B}\u{FFFF} end",
        "",
    ]

    static var hostile: [(String, String)] {
        let title = hostileLabels.joined(separator: " / ")
        return [
            ("hostile-fan", FanChart(title: title, caption: title, periods: hostileLabels + hostileLabels,
                                     history: [1, 2, 3, 4, 5, 6], forecast: [6, 7, 8, 9, 10, 11],
                                     bands: [.init(level: 80, lower: [5, 5, 5, 5, 5, 5], upper: [7, 9, 11, 13, 15, 17])]).svg()),
            ("hostile-variance", VarianceBarChart(title: title, caption: title,
                                                  bars: hostileLabels.enumerated().map { .init(label: $0.element, value: Double($0.offset - 3) * 12_345, favorable: $0.offset % 2 == 0) }).svg()),
            ("hostile-grouped", GroupedBarChart(title: title, caption: title, categories: hostileLabels,
                                                series: hostileLabels.map { .init(name: $0, values: [1, -2, 3.5, 1e6, -1e6, 0]) }).svg()),
        ]
    }

    static var degenerate: [(String, String)] {
        var charts: [(String, String)] = []
        let fans: [(String, FanChart)] = [
            ("empty", FanChart(title: "", caption: "", periods: [], history: [], forecast: [])),
            ("one-point", FanChart(title: "One point", caption: "", periods: ["2026-07"], history: [42], forecast: [])),
            ("one-forecast", FanChart(title: "Forecast only", caption: "", periods: ["2026-07"], history: [], forecast: [42],
                                      bands: [.init(level: 95, lower: [30], upper: [50])])),
            ("zeros", FanChart(title: "All zeros", caption: "", periods: ["a", "b", "c"], history: [0, 0], forecast: [0],
                               bands: [.init(level: 80, lower: [0], upper: [0])], format: .money)),
            ("gaps", FanChart(title: "NaN and infinities", caption: "", periods: ["1", "2", "3", "4", "5", "6"],
                              history: [.nan, 3, .infinity, 5], forecast: [-.infinity, 7],
                              bands: [.init(level: 80, lower: [.nan, 6, 1], upper: [4, .nan, 9])])),
            ("all-nan", FanChart(title: "Nothing finite", caption: "", periods: ["1"], history: [.nan], forecast: [.infinity])),
            ("negative", FanChart(title: "Negative", caption: "", periods: ["1", "2", "3"], history: [-5, -50], forecast: [-500],
                                  bands: [.init(level: 95, lower: [-900], upper: [-100])], format: .money)),
            ("mismatched", FanChart(title: "Mismatched lengths", caption: "", periods: ["only one"], history: [1, 2, 3], forecast: [4, 5],
                                    bands: [.init(level: 80, lower: [1, 2, 3, 4, 5, 6], upper: [9])])),
            ("huge", FanChart(title: "Huge", caption: "", periods: ["1", "2"], history: [1e300, -1e300], forecast: [.greatestFiniteMagnitude],
                              format: .money)),
            ("tiny", FanChart(title: "Tiny", caption: "", periods: ["1", "2"], history: [1e-300, 2e-300], forecast: [.leastNonzeroMagnitude], format: .percent)),
        ]
        charts += fans.map { ("fan-" + $0.0, $0.1.svg()) }
        let variances: [(String, [VarianceBarChart.Bar])] = [
            ("empty", []),
            ("single", [.init(label: "Only department", value: -1_500, favorable: true)]),
            ("zeros", [.init(label: "A", value: 0, favorable: true), .init(label: "B", value: 0, favorable: false)]),
            ("nan", [.init(label: "A", value: .nan, favorable: true), .init(label: "B", value: 250, favorable: false),
                     .init(label: "C", value: .infinity, favorable: false)]),
            ("all-nan", [.init(label: "A", value: .nan, favorable: true)]),
            ("huge", [.init(label: "A", value: 1e300, favorable: true), .init(label: "B", value: -1e300, favorable: false)]),
        ]
        charts += variances.map { ("variance-" + $0.0, VarianceBarChart(title: "Variance " + $0.0, caption: "c", bars: $0.1).svg()) }
        let grouped: [(String, GroupedBarChart)] = [
            ("empty", GroupedBarChart(title: "", caption: "", categories: [], series: [])),
            ("no-series", GroupedBarChart(title: "No series", caption: "", categories: ["A"], series: [])),
            ("single", GroupedBarChart(title: "Single", caption: "", categories: ["ICU"], series: [.init(name: "Required", values: [12])])),
            ("zeros", GroupedBarChart(title: "Zeros", caption: "", categories: ["A", "B"], series: [.init(name: "x", values: [0, 0])])),
            ("ragged", GroupedBarChart(title: "Ragged", caption: "", categories: ["A", "B", "C"],
                                       series: [.init(name: "short", values: [1]), .init(name: "long", values: [1, .nan, 3, 4, 5])])),
            ("many-series", GroupedBarChart(title: "Ten series", caption: "", categories: ["A", "B"],
                                            series: (0..<10).map { .init(name: "Series \($0)", values: [Double($0), -Double($0)]) })),
        ]
        charts += grouped.map { ("grouped-" + $0.0, $0.1.svg()) }
        return charts
    }

    /// Every chart the structural and rendering tests check, by name.
    static var all: [(String, String)] {
        [("golden-fan", goldenFan.svg()), ("golden-variance", goldenVariance.svg()), ("staffing", staffing.svg()),
         ("weekly-fan", weeklyFan.svg()), ("percent-variance", percentVariance.svg()),
         ("daily-fan", dailyFan.svg()), ("department-variance", departmentVariance.svg())] + hostile + degenerate
    }

    private static func sine(_ index: Int) -> Double {
        // A fixed seasonal shape without calling sin(), so golden bytes never depend on libm.
        let shape: [Double] = [0, 0.5, 0.87, 1, 0.87, 0.5, 0, -0.5, -0.87, -1, -0.87, -0.5]
        return shape[index % 12]
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
