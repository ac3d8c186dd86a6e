/// The middle of sorted values (the mean of the two middle ones for an even count), 0 for none:
/// a ledger line's usual month, a department's usual volume.
public enum Median {
    public static func of(sorted values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }
}
