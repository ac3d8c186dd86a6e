/// What a stage of a pipeline reads, as the run history keeps it with each run: the table,
/// columns, `where:` (alternatives as a set) and `unpivot:`/`layout: wide` settings of the
/// imports it reads from, directly or not, the joins and filters between, and the series and
/// value its aggregate sums. Two pipelines writing one stage name into one
/// history are one job only if these agree.
///
/// Why: a copy of the hospital's pipeline with `where: {department: "6010 ICU"}` on its import,
/// sharing the history and the stage name `demand`, stored ICU-only Jan-Mar figures (746, 802,
/// 827 for 10-4410) as revisions of the hospital's (1135, 1181, 1247), and track scored the
/// hospital's six forecasts against ICU-only actuals: MAE 447.6 and WAPE 56.2% where 36.5 and
/// 3.0% are right, all outside the 95% interval. A 35% change to every period reads like no
/// late posting, yet the figures alone could not tell: the pipeline says what it reads.
/// (What it declares only: another export file under the same settings has the same scope,
/// and is caught by its figures, `RunHistory.SameData.restated`.)
///
/// The file names are kept beside the scope but not compared (this month's export may carry
/// this month's name), nor is the frequency (a stage may run weekly and monthly, tracked
/// apart), nor the stage names of the imports (a renamed import reads the same rows).
public struct StageScope: Sendable, Equatable {
    /// The clauses compared, sorted, joined by "; ": `table usage; columns {...}; where {...}`.
    public var clauses: String
    /// The files read, joined by ", ".
    public var files: String

    /// The scope of stage `name` among `stages`: the clauses of every stage it reads from.
    public init(of name: String, in stages: [PipelineRunner.NamedStage]) {
        let byName = Dictionary(stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        var pending = byName[name].map { $0.stage.inputs } ?? []
        var clauses: Set<String> = [], files: [String] = []
        while let reference = pending.popLast() {
            let upstream = String(reference.split(separator: ".", maxSplits: 1).first ?? "")
            guard seen.insert(upstream).inserted, let named = byName[upstream] else { continue }
            pending += named.stage.inputs
            let p = named.parameters
            switch type(of: named.stage).kind {
            case ImportStage.kind:
                var words = ["table " + (p["table"] ?? "")]
                if let columns = p["columns"] { words.append("columns " + columns) }
                if let conditions = p["where"] {
                    words.append("where " + ((named.stage as? ImportStage).map { StageScope.conditions($0.conditions) } ?? conditions))
                }
                // Which columns of a wide export are read select the rows as `where:` does: the
                // ICU copy with `unpivot: {columns: ["6010 ICU"]}` recorded the hospital job's
                // scope (`6*`), byte for byte, and track scored the hospital's forecasts at WAPE
                // 24.1% for 3.0%.
                for key in p.keys.sorted() where key.hasPrefix("unpivot.") || (key == "layout" && p[key] != "long") || key == "id_columns" {
                    words.append(key + " " + (p[key] ?? ""))
                }
                clauses.insert(words.joined(separator: ", "))
                if let file = p["file"] { files.append(String(file.split(separator: "/").last ?? Substring(file))) }
            case JoinStage.kind:
                // An inner join drops the rows without a match: it selects rows as `where:` does.
                let join = named.stage as? JoinStage
                clauses.insert("join " + (join.map { ($0.inner ? "inner" : "left") + " on " + $0.keys.joined(separator: ", ") } ?? (p["how"] ?? "left")))
            case FilterStage.kind:
                let kept = (named.stage as? FilterStage).map { StageScope.conditions($0.conditions.mapValues { Set($0.split(separator: "|").map(String.init)) }) }
                clauses.insert((p["exclude"] == "true" ? "filter leaving out " : "filter keeping ") + (kept ?? p["where"] ?? ""))
            case AggregateStage.kind:
                // `series: item` and `series: [item]` are one grouping.
                let series = (p["series"] ?? "item").filter { $0 != "[" && $0 != "]" }
                clauses.insert("sum of " + (p["value"] ?? "quantity") + " by " + series)
            default:
                continue
            }
        }
        self.clauses = clauses.sorted().joined(separator: "; ")
        self.files = files.sorted().joined(separator: ", ")
    }

    /// `where:` as a set: `item: "22-0812|10-4410"` keeps the rows `"10-4410|22-0812"` keeps,
    /// and was refused as another job's scope. Roles and their alternatives are sorted.
    static func conditions(_ conditions: [String: Set<String>]) -> String {
        "{" + conditions.keys.sorted().map { $0 + ": " + conditions[$0]!.sorted().joined(separator: "|") }.joined(separator: ", ") + "}"
    }
}
