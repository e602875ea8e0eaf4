import CCurl
import Foundation

/// A blocking GET for the mip index (the CLI does one thing at a time), with
/// libcurl loaded when first needed (see CCurl).
enum HTTPFetch {
    enum Failure: Error {
        /// The server answered with this status (404: no such package).
        case status(Int)
        /// No answer at all: the index is unreachable.
        case unreachable(String)
    }

    static func get(_ url: URL, timeout: TimeInterval = 20) -> Result<Data, Failure> {
        var status = 0
        var body: UnsafeMutablePointer<UInt8>?
        var length = 0
        var error = [CChar](repeating: 0, count: 512)
        let outcome = breadbox_http_get(url.absoluteString, Int(timeout.rounded(.up)), &status, &body, &length,
                                        &error, error.count)
        defer { free(body) }
        guard outcome == 0 else {
            return .failure(.unreachable(String(cString: error)))
        }
        guard status == 200 else { return .failure(.status(status)) }
        return .success(body.map { Data(bytes: $0, count: length) } ?? Data())
    }
}
