import Dispatch
import Forecasting
import Tabular

/// `quartermaster forecast`: per-series demand forecasts with intervals (forecasts.csv)
/// and the backtest scores behind each choice (accuracy.csv).
///
/// Series are forecast in blocks, in parallel within a block and written in series order,
/// so memory holds one block of results and the output does not depend on thread count.
public struct ForecastJob: Sendable {
    public var source: SeriesImport
    public var settings: ForecastSettings
    public var output: String
    /// Where accuracy.csv goes; nil to skip it.
    public var accuracyOutput: String?
    public var threads: Int
    public var quiet = false

    public init(source: SeriesImport, settings: ForecastSettings, output: String, accuracyOutput: String?, threads: Int) {
        self.source = source
        self.settings = settings
        self.output = output
        self.accuracyOutput = accuracyOutput
        self.threads = max(1, threads)
    }

    public struct Result: Sendable {
        public var summary: ImportSummary
        public var series: Int
        public var rowsWritten: Int
        public var classes: [DemandClass: Int]
        public var negativeSeries: [String]
    }

    public func run() throws -> Result {
        let (totals, summary) = try source.read()
        let order = totals.keys.idsSortedByKey()
        let forecaster = DemandForecaster(settings: settings)
        let h = settings.horizon
        var header = ["series", "period", "forecast"]
        for level in settings.levels {
            let l = NumberFormat.fixed(level, decimals: 2)
            header += ["lo\(l)", "hi\(l)"]
        }
        // DESIGN.md's column order: forecast, lo80, hi80, lo95, hi95, model, demand_class.
        header += ["model", "demand_class"]
        let writer = try CSVWriter(path: output, header: header)
        let accuracy = try accuracyOutput.map {
            try CSVWriter(path: $0, header: ["series", "model", "mase", "smape", "wape", "bias", "origins", "chosen"])
        }
        var classes: [DemandClass: Int] = [:]
        var negative: [String] = []
        let progress = Progress(label: "forecast", total: order.count, quiet: quiet)
        let labels = PeriodLabels(frequency: totals.frequency)
        let blockSize = 1024
        do {
            var start = 0
            while start < order.count {
                let block = Array(order[start..<min(start + blockSize, order.count)])
                let histories = block.map { totals.values(of: $0) }
                let results = ResultSlots<Result1>(count: block.count)
                let workers = min(threads, block.count)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var i = worker
                    while i < block.count {
                        do {
                            results[i] = .success(try forecaster.forecast(histories[i].values))
                        } catch {
                            results[i] = .failure(error)
                        }
                        i += workers
                    }
                }
                for (k, id) in block.enumerated() {
                    let key = totals.keys.key(id)
                    guard let outcome = results[k] else { continue }
                    let f: SeriesForecast
                    switch outcome {
                    case .success(let value): f = value
                    case .failure(let error): throw error
                    }
                    classes[f.demandClass, default: 0] += 1
                    if histories[k].values.contains(where: { $0 < 0 }) && negative.count < 1000 { negative.append(key) }
                    let firstForecast = totals.lastPeriod + 1
                    for step in 0..<h {
                        try writer.text(key)
                        try labels.write(firstForecast + step, to: writer)
                        try writer.number(f.mean[step])
                        for l in settings.levels.indices {
                            if l < f.lower.count {
                                try writer.number(f.lower[l][step])
                                try writer.number(f.upper[l][step])
                            } else {
                                try writer.empty(); try writer.empty()
                            }
                        }
                        try writer.text(f.model)
                        try writer.text(f.demandClass.rawValue)
                        try writer.endRow()
                    }
                    if let accuracy {
                        for c in f.candidates {
                            try accuracy.text(key)
                            try accuracy.text(c.model)
                            try accuracy.number(c.metrics.mase, decimals: 4)
                            try accuracy.number(c.metrics.smape, decimals: 4)
                            try accuracy.number(c.metrics.wape, decimals: 4)
                            try accuracy.number(c.metrics.bias, decimals: 4)
                            try accuracy.integer(c.origins)
                            try accuracy.text(c.chosen ? "true" : "false")
                            try accuracy.endRow()
                        }
                    }
                }
                start += block.count
                progress.update(done: start)
            }
            progress.finish()
            try writer.commit()
            try accuracy?.commit()
        } catch {
            progress.finish()
            writer.abandon()
            accuracy?.abandon()
            throw error
        }
        return Result(summary: summary, series: order.count, rowsWritten: writer.rowsWritten, classes: classes, negativeSeries: negative)
    }

    typealias Result1 = Swift.Result<SeriesForecast, any Error>
}

/// Slots that worker threads fill at distinct indices; read only after they finish.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLockLike()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }
}

/// A tiny mutex over pthread, to avoid pulling Foundation into the hot path.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#endif
