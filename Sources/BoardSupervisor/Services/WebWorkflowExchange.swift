/// One HTTP request on the web workflow's connection, from its first byte to
/// its reply: the head read by `HTTPRequestParser`, then, for a file PUT, the
/// body (kept, or read and dropped before an error reply, as the firmware's
/// `_discard_incoming` does).
final class WebWorkflowExchange {
    enum Phase {
        case head
        /// `remaining` body bytes to read; `keep`: collect them for the file.
        case body(remaining: Int, keep: Bool)
        case done
    }

    let connection: ServiceConnection
    var parser = HTTPRequestParser()
    var phase = Phase.head
    var request: WebWorkflowRequest?
    /// The file PUT's body so far.
    var body: [UInt8] = []
    /// The reply owed once the body is in (for a discarded body).
    var replyAfterBody: String?

    init(connection: ServiceConnection) { self.connection = connection }

    /// Accepted, and nothing read yet (the firmware's `new_socket`).
    var isNew: Bool { !parser.started }
}
