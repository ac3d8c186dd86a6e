import Tabular

/// Timekeeping pay codes -> what their hours count as. Exports use short codes (REG, OT,
/// DT, OT1.5, VAC, AGY) that an exact match against a few words misread: vacation counted
/// as worked time and double time as regular. Codes are compared in any case and with
/// spaces, hyphens and underscores ignored (`OT 1.5` is `OT1.5`, `On-Call` is `ONCALL`);
/// a code the map does not know is reported, never guessed.
public struct PayCodeMap: Sendable, Equatable {
    public private(set) var categories: [String: PayCategory]

    public init(_ categories: [String: PayCategory] = PayCodeMap.standard) {
        self.categories = Dictionary(categories.map { (PayCodeMap.key($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The usual codes and words of US hospital timekeeping systems.
    public static let standard: [String: PayCategory] = {
        var map: [String: PayCategory] = [:]
        for code in ["REG", "REGULAR", "RG", "STRAIGHT", "WORKED", "WRK"] { map[code] = .regular }
        for code in ["OT", "OVERTIME", "OT1.5", "OT15", "OT2", "OT2.0", "DT", "DOUBLETIME", "DBL", "CB", "CALLBACK"] { map[code] = .overtime }
        for code in ["AGY", "AGENCY", "CONTRACT", "CONTRACTOR", "CTR", "TRAVEL", "TRAVELER", "TRAVELLER", "REGISTRY"] { map[code] = .agency }
        for code in ["PTO", "VAC", "VACATION", "SICK", "SCK", "HOL", "HOLIDAY", "EDU", "EDUC", "EDUCATION", "ORI", "ORIENT", "ORIENTATION",
                     "TRN", "TRAINING", "LEAVE", "LOA", "FMLA", "BRV", "BEREAVEMENT", "JURY", "CALL", "ONCALL", "STANDBY"] {
            map[code] = .nonProductive
        }
        return map
    }()

    static func key(_ code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }

    /// The category of a code; nil when the map does not know it. An empty code is regular
    /// (an export without pay codes on every row).
    public func category(of code: String) -> PayCategory? {
        let k = PayCodeMap.key(code)
        return k.isEmpty ? .regular : categories[k] ?? category(ofWords: code)
    }

    /// Words that only say what a code is about, not how its hours count (`REGULAR HOURS`,
    /// `AGENCY RN`).
    static let neutralWords: Set<String> = ["HOURS", "HRS", "HR", "PAY", "TIME", "CODE", "RN", "LPN", "LVN", "CNA", "NA", "PCT", "TECH", "NURSE", "STAFF"]

    /// A code of several words the map does not know as a whole, read by its words when they
    /// agree: `REGULAR HOURS` is regular, `AGENCY RN` agency, and `HOL WORKED` (a holiday
    /// worked) regular, as worked time outranks the holiday. Any other word, or words of two
    /// worked categories, leaves the code unknown (reported, never guessed). Once `Pay Code`
    /// was read without a map, these common codes fell out of worked hours (HPPD 4.8 for 5.4).
    func category(ofWords code: String) -> PayCategory? {
        let words = code.uppercased().split { !$0.isLetter && !$0.isNumber && $0 != "." }.map(String.init)
        guard words.count > 1 else { return nil }
        var found = Set<PayCategory>(), worked = false
        for word in words {
            if PayCodeMap.neutralWords.contains(word) { continue }
            if ["WORKED", "WORK", "WRK"].contains(word) { worked = true; continue }
            guard let category = categories[word] else { return nil }
            found.insert(category)
        }
        if worked { found.remove(.nonProductive); if found.isEmpty { return .regular } }
        return found.count == 1 ? found.first : nil
    }

    /// This map with `code -> category name` pairs added or replaced, as given by
    /// `pay_codes:` or `--pay-codes`.
    public func overriding(_ pairs: [String: String]) throws -> PayCodeMap {
        var result = self
        for (code, name) in pairs.sorted(by: { $0.key < $1.key }) {
            guard let category = PayCategory(named: name) else {
                throw PayCodeError(message: "pay code \(code): '\(name)' is not a category; use one of \(PayCategory.names)")
            }
            guard !PayCodeMap.key(code).isEmpty else { throw PayCodeError(message: "a pay code mapped to \(name) is empty") }
            result.categories[PayCodeMap.key(code)] = category
        }
        return result
    }
}

/// A pay-code mapping that names an unknown category; the stage and the CLI word it as
/// their own parameter or flag error.
public struct PayCodeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
