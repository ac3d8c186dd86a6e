import Tabular

/// The known name a differently written one most likely means, for a note that says what to
/// write instead: a lot system's `OR-MAIN` against the inventory's `Main OR`, `CLINIC-EAST`
/// against `East Clinic`. Names are compared by their words (letters and digits, without
/// case or order): the known name sharing the largest part of both names' words, the first
/// in sorted order on a tie; nil when none shares a word. `NameSpellings.likely(for:)` is the
/// staffing files' "did you mean", by a shared leading code or prefix, which word order
/// (`OR-MAIN`) defeats.
enum ClosestName {
    static func words(_ name: String) -> Set<String> {
        Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    static func closest(to name: String, among known: [String]) -> String? {
        let mine = words(name)
        var best: (name: String, score: Double)?
        for candidate in known.sorted() {
            let theirs = words(candidate)
            let shared = mine.intersection(theirs).count
            guard shared > 0 else { continue }
            let score = Double(shared) / Double(mine.union(theirs).count)
            if score > (best?.score ?? 0) { best = (candidate, score) }
        }
        return best?.name
    }
}
