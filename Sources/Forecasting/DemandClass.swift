/// The demand pattern of a series (Syntetos, Boylan and Croston 2005), which decides the
/// candidate models: average inter-demand interval (ADI) against 1.32 and the squared
/// coefficient of variation of non-zero sizes (CV²) against 0.49. Plus the cases those
/// statistics cannot describe: no demand at all, or too little history.
public enum DemandClass: String, Sendable, CaseIterable {
    case smooth, erratic, intermittent, lumpy, short, zero

    public static let adiCutoff = 1.32
    public static let cv2Cutoff = 0.49
    /// Fewest periods before a series is more than a new item.
    public static let minimumHistory = 6

    public init(classifying y: UnsafeBufferPointer<Double>) {
        var nonZero = 0
        var sum = 0.0, sumSquares = 0.0
        for v in y where v != 0 {
            nonZero += 1
            sum += v
            sumSquares += v * v
        }
        if nonZero == 0 { self = .zero; return }
        if y.count < DemandClass.minimumHistory || nonZero < 2 { self = .short; return }
        let adi = Double(y.count) / Double(nonZero)
        let mean = sum / Double(nonZero)
        let variance = max(0, sumSquares / Double(nonZero) - mean * mean)
        let cv2 = mean != 0 ? variance / (mean * mean) : 0
        switch (adi < DemandClass.adiCutoff, cv2 < DemandClass.cv2Cutoff) {
        case (true, true): self = .smooth
        case (true, false): self = .erratic
        case (false, true): self = .intermittent
        case (false, false): self = .lumpy
        }
    }

    /// Intermittent and lumpy series are judged on RMSSE: MASE rewards forecasts near zero.
    public var judgedOnRMSSE: Bool {
        self == .intermittent || self == .lumpy
    }

    public init(classifying y: [Double]) {
        self = y.withUnsafeBufferPointer { DemandClass(classifying: $0) }
    }
}

