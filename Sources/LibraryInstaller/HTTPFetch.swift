import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking GET for the mip index (the CLI does one thing at a time).
enum HTTPFetch {
    enum Failure: Error {
        /// The server answered with this status (404: no such package).
        case status(Int)
        /// No answer at all: the index is unreachable.
        case unreachable(String)
    }

    static func get(_ url: URL, timeout: TimeInterval = 20) -> Result<Data, Failure> {
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                answer.set(.failure(.unreachable(error.localizedDescription)))
            } else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                answer.set(.failure(.status(http.statusCode)))
            } else {
                answer.set(.success(data ?? Data()))
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            return .failure(.unreachable("timed out after \(Int(timeout)) s"))
        }
        return answer.get()
    }

    /// The completion handler's result, handed across threads under a lock.
    final class Answer: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Data, Failure> = .failure(.unreachable("no answer"))
        func set(_ v: Result<Data, Failure>) { lock.lock(); value = v; lock.unlock() }
        func get() -> Result<Data, Failure> { lock.lock(); defer { lock.unlock() }; return value }
    }
}
