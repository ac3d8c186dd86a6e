import CGSL

/// GSL's default error handler calls abort(), which would kill a whole run over one
/// ill-conditioned series. We switch it off once and check every status code instead.
public enum GSL {
    /// Turns off GSL's aborting error handler; safe to call any number of times.
    public static func prepare() { _ = handlerOff }

    private static let handlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Throws when a GSL call did not succeed.
    @inlinable
    public static func check(_ status: Int32, _ call: StaticString) throws {
        if status != GSL_SUCCESS { throw GSLError(status: status, call: "\(call)") }
    }
}

/// A numerical failure reported by GSL, with its own explanation.
public struct GSLError: Error, CustomStringConvertible, Sendable {
    public var status: Int32
    public var call: String

    public init(status: Int32, call: String) {
        self.status = status
        self.call = call
    }

    public var description: String {
        "\(call) failed: \(String(cString: gsl_strerror(status)))"
    }
}
