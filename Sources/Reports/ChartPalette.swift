/// Colours for charts: the Okabe-Ito palette, which stays distinguishable with the common
/// kinds of colour blindness, plus greys for text and gridlines.
///
/// Colour is never the only cue: lines differ by dash, bars carry value labels and
/// unfavourable bars a hatch, and every series is named in a legend.
enum ChartPalette {
    static let blue = "#0072B2"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let black = "#000000"

    static let history = blue
    static let forecast = vermillion
    static let favorable = bluishGreen
    static let unfavorable = vermillion

    /// Series colours in the order they are handed out; yellow comes late because it is
    /// the hardest to see on white.
    static let series = [blue, orange, bluishGreen, vermillion, skyBlue, reddishPurple, black, yellow]

    /// Title and label text.
    static let ink = "#222222"
    /// Tick labels, captions and notes.
    static let muted = "#555555"
    static let gridline = "#E3E3E3"
    static let axis = "#666666"
    static let divider = "#999999"

    /// Fill for unfavourable bars: vermillion with white diagonal stripes, a cue that
    /// survives greyscale printing and colour blindness.
    static let hatchFill = "url(#unfavorable-hatch)"

    /// The pattern `hatchFill` refers to; written once into a chart's `<defs>`.
    static let hatchDefinition = """
        <defs><pattern id="unfavorable-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
        patternTransform="rotate(45)"><rect width="6" height="6" fill="\(unfavorable)"/>\
        <rect width="2" height="6" fill="#FFFFFF" fill-opacity="0.6"/></pattern></defs>

        """

    static func series(_ index: Int) -> String { series[index % series.count] }

    /// `color` (`#RRGGBB`) mixed with white: `amount` 0 is the colour, 1 is white. Bands are
    /// solid tints rather than transparent fills so the legend swatch matches what is drawn.
    static func tint(_ color: String, towardWhite amount: Double) -> String {
        let share = min(max(amount, 0), 1)
        let digits = Array(color.utf8.dropFirst())
        guard digits.count == 6 else { return color }
        var out = "#"
        for channel in 0..<3 {
            let high = hexValue(digits[channel * 2]), low = hexValue(digits[channel * 2 + 1])
            let value = Double(high * 16 + low)
            let mixed = Int((value + (255 - value) * share).rounded())
            out += hexDigit(mixed / 16)
            out += hexDigit(mixed % 16)
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        default: 0
        }
    }

    private static func hexDigit(_ value: Int) -> String {
        String(Array("0123456789ABCDEF")[min(max(value, 0), 15)])
    }
}
