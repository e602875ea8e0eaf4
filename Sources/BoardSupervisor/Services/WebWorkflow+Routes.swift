import Foundation
import HostPlatform
import PythonRuntime

/// Which reply each request gets (`_reply` in web_workflow.c, 9.1.4): `/fs/`
/// behind the password, `/cp/` open to anyone (its serial console behind the
/// password), the pages, and the status codes the firmware uses. Breadbox's
/// drive is writable by the host and the web workflow at once, so the 409
/// the firmware gives while USB holds the drive never comes.
extension WebWorkflow {
    typealias R = WebWorkflowReplies

    func respond(to head: HTTPRequestHead, in ex: WebWorkflowExchange) {
        var request = WebWorkflowRequest(head, authorization: authorization)
        let originAllowed = request.originAllowed()
        ex.request = request
        let origin = request.origin
        let method = request.method.uppercased()
        let path = request.path
        if request.redirect {
            let hostname = identity.hostname
            finish(ex, reply: R.redirect(origin: origin, webSocket: request.webSocket, hostname: hostname,
                                         port: settings.port, path: path))
        } else if !originAllowed {
            finish(ex, reply: R.forbidden(origin: origin))
        } else if path.hasPrefix("/fs/") {
            if method == "OPTIONS" {
                // The CORS preflight, without the password.
                finish(ex, reply: R.accessControl(origin: origin))
            } else if !request.authenticated {
                finish(ex, reply: R.unauthorized(origin: origin))
            } else {
                files(request, in: ex)
            }
        } else if path == "/edit/" {
            guard request.authenticated else { return finish(ex, reply: R.unauthorized(origin: origin)) }
            page("edit", in: ex)
        } else if path == "/code/" {
            page("code", in: ex)
        } else if path.hasPrefix("/cp/") {
            let sub = String(path.dropFirst(3))
            if method == "OPTIONS" {
                finish(ex, reply: R.accessControl(origin: origin))
            } else if method != "GET" {
                finish(ex, reply: R.methodNotAllowed(origin: origin))
            } else if sub == "/devices.json" {
                finish(ex, reply: R.devices(origin: origin))
            } else if sub == "/version.json" {
                finish(ex, reply: R.version(identity, origin: origin))
            } else if sub == "/diskinfo.json" {
                finish(ex, reply: R.diskInfo(space, origin: origin))
            } else if sub == "/serial/" {
                if !request.authenticated {
                    finish(ex, reply: R.unauthorized(origin: origin))
                } else if request.webSocket {
                    handOff(ex, reply: R.webSocketUpgrade(accept: WebSocketFraming.acceptKey(request.webSocketKey)))
                } else {
                    page("serial", in: ex)
                }
            } else {
                finish(ex, reply: R.missing(origin: origin))
            }
        } else if method != "GET" {
            finish(ex, reply: R.methodNotAllowed(origin: origin))
        } else if WebWorkflowPages.files[path] != nil {
            page(path, in: ex)
        } else {
            finish(ex, reply: R.missing(origin: origin))
        }
    }

    /// A page from flash, gzipped; 404 if the emulator's copy is missing.
    private func page(_ key: String, in ex: WebWorkflowExchange) {
        guard let p = pages.page(key) else {
            return finish(ex, reply: R.missing(origin: ex.request?.origin ?? ""))
        }
        finish(ex, bytes: Array(R.staticHead(length: p.gzipped.count, contentType: p.contentType).utf8) + p.gzipped)
    }

    // MARK: The board's facts

    var identity: R.Identity {
        let def = supervisor.board.definition
        let mac = supervisor.networking.radio.stationMAC.bytes
        let hex = mac.suffix(3).map { b -> String in
            let h = String(b, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined()
        let radio = supervisor.networking.radio
        return R.Identity(instanceName: settings.instanceName, mcuName: Self.bannerParts(def.names.circuitpython).mcu,
                          boardID: def.names.circuitpythonBoardID, creatorID: def.names.circuitpythonCreatorID,
                          creationID: def.names.circuitpythonCreationID, hostname: "cpy-" + hex, port: settings.port,
                          uid: supervisor.board.uniqueID, ip: radio.isConnected ? radio.stationConfiguration.0 : "0.0.0.0")
    }

    /// The banner's "BOARD with MCU" as MICROPY_HW_BOARD_NAME and MICROPY_HW_MCU_NAME.
    static func bannerParts(_ banner: String) -> (board: String, mcu: String) {
        guard let r = banner.range(of: " with ", options: .backwards) else { return (banner, "") }
        return (String(banner[..<r.lowerBound]), String(banner[r.upperBound...]))
    }

    var space: R.Space {
        let used = volume.clustersUsed(in: supervisor.drive.fileSystem)
        return R.Space(free: max(0, volume.clusterCount - used), total: volume.clusterCount,
                       blockSize: volume.clusterBytes, writable: true)
    }

    // MARK: /fs/

    private var fs: DirectoryFileSystem { supervisor.drive.fileSystem }

    private func files(_ request: WebWorkflowRequest, in ex: WebWorkflowExchange) {
        let origin = request.origin
        let method = request.method.uppercased()
        var path = String(WebWorkflowRequest.decodePercents(request.path).dropFirst(3))
        // A trailing / is a directory; FatFs wants it off except for the root.
        let directory = path.hasSuffix("/")
        if directory && path.count > 1 { path.removeLast() }

        switch method {
        case "DELETE":
            guard path != "/", (try? fs.status(path)) != nil else {
                return finish(ex, reply: path == "/" ? R.serverError(origin: origin) : R.missing(origin: origin))
            }
            let gone = supervisor.drive.subtree(path)
            do { try fs.removeTree(path) } catch { return finish(ex, reply: R.serverError(origin: origin)) }
            finish(ex, reply: R.noContent(origin: origin))
            announce(gone)
        case "MOVE":
            move(path, request, in: ex)
        case "PUT" where directory:
            makeDirectories(path, request, in: ex)
        case "GET" where directory:
            listDirectory(path, request, in: ex)
        case "GET":
            guard let bytes = try? fs.readFile(path) else { return finish(ex, reply: R.missing(origin: origin)) }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            finish(ex, bytes: Array(R.fileHead(name: name, length: bytes.count, origin: origin).utf8) + bytes)
        case "PUT":
            startUpload(path, request, in: ex)
        default:
            // Other methods on /fs/ get no reply; the firmware just closes.
            finish(ex, bytes: [])
        }
    }

    private func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private func isDirectory(_ path: String) -> Bool { (try? fs.status(path))?.isDirectory == true }

    private func move(_ path: String, _ request: WebWorkflowRequest, in ex: WebWorkflowExchange) {
        let origin = request.origin
        var destination = String(WebWorkflowRequest.decodePercents(request.destination).dropFirst(3))
        if destination.hasSuffix("/") && destination.count > 1 { destination.removeLast() }
        guard path != "/", !destination.isEmpty, (try? fs.status(path)) != nil, isDirectory(parent(destination)) else {
            return finish(ex, reply: R.missing(origin: origin))
        }
        // f_rename will not overwrite.
        if (try? fs.status(destination)) != nil { return finish(ex, reply: R.preconditionFailed(origin: origin)) }
        let moved = supervisor.drive.subtree(path)
        do { try fs.rename(path, destination) } catch { return finish(ex, reply: R.serverError(origin: origin)) }
        finish(ex, reply: R.created(origin: origin))
        announce(moved + supervisor.drive.subtree(destination))
    }

    /// `supervisor_workflow_mkdir_parents`: every missing folder on the way.
    private func makeDirectories(_ path: String, _ request: WebWorkflowRequest, in ex: WebWorkflowExchange) {
        let origin = request.origin
        if path == "/" { return finish(ex, reply: R.noContent(origin: origin)) }
        let parts = path.split(separator: "/").map(String.init)
        var made: [String] = []
        var at = ""
        for (i, part) in parts.enumerated() {
            at += "/" + part
            if let s = try? fs.status(at) {
                if i == parts.count - 1 {
                    // A folder or a file is there already.
                    finish(ex, reply: R.noContent(origin: origin))
                    return announce(made)
                }
                if !s.isDirectory { break }
                continue
            }
            do { try fs.makeDirectory(at) } catch { break }
            if let t = fatTime(request.timestamp) { try? fs.setModified(at, seconds: t) }
            made.append(at)
        }
        if made.last == path {
            finish(ex, reply: R.created(origin: origin))
        } else {
            // A file stands where a folder should be.
            finish(ex, reply: R.missing(origin: origin))
        }
        announce(made)
    }

    private func listDirectory(_ path: String, _ request: WebWorkflowRequest, in ex: WebWorkflowExchange) {
        let origin = request.origin
        guard isDirectory(path), let names = try? fs.listDirectory(path) else {
            return finish(ex, reply: R.missing(origin: origin))
        }
        guard request.json else {
            // The file browser page is served for the root only.
            if path == "/" { return page("directory", in: ex) }
            return finish(ex, reply: R.missing(origin: origin))
        }
        let entries = names.compactMap { name -> R.Entry? in
            guard let s = try? fs.status(path == "/" ? "/" + name : path + "/" + name) else { return nil }
            return R.Entry(name: name, isDirectory: s.isDirectory, modified: Self.fatSeconds(s.modified), size: s.size)
        }
        finish(ex, reply: R.directory(entries, space: space, origin: origin))
    }

    // MARK: File uploads

    /// `_write_file_and_reply` up to reading the body: a missing folder (404)
    /// or a folder in the way (500) is answered after the body is read and
    /// dropped; a file too big for the drive is refused at once with 417 if
    /// the client waits for `100 Continue`, else 413 after its body.
    private func startUpload(_ path: String, _ request: WebWorkflowRequest, in ex: WebWorkflowExchange) {
        let origin = request.origin
        let length = request.contentLength
        func discard(then reply: String) {
            ex.replyAfterBody = reply
            ex.phase = .body(remaining: length, keep: false)
        }
        guard path != "/", isDirectory(parent(path)) else { return discard(then: R.missing(origin: origin)) }
        if isDirectory(path) { return discard(then: R.serverError(origin: origin)) }
        guard supervisor.drive.fitsFromHost(path, count: length) else {
            if request.expectsContinue { return finish(ex, reply: R.expectationFailed(origin: origin)) }
            return discard(then: R.payloadTooLarge(origin: origin))
        }
        if request.expectsContinue { ex.connection.send(R.continueReply(origin: origin)) }
        ex.phase = .body(remaining: length, keep: true)
    }

    /// The whole body has come: the file is written (201 new, 204 replaced).
    func finishUpload(_ ex: WebWorkflowExchange) {
        guard let request = ex.request else { return finish(ex, reply: R.serverError(origin: "")) }
        let origin = request.origin
        var path = String(WebWorkflowRequest.decodePercents(request.path).dropFirst(3))
        if path.hasSuffix("/") { path.removeLast() }
        let existed = (try? fs.status(path)) != nil
        do {
            try supervisor.drive.writeFromHost(path, ex.body)
            if let t = fatTime(request.timestamp) { try? fs.setModified(path, seconds: t) }
        } catch {
            finish(ex, reply: R.serverError(origin: origin))
            return announce([path])
        }
        finish(ex, reply: existed ? R.noContent(origin: origin) : R.created(origin: origin))
        // Any PUT of a file reloads the board (the firmware's _reply returns true for it).
        announce([path])
    }

    // MARK: Times

    /// `X-Timestamp` as FAT stores it (`truncate_time`): whole seconds, even.
    private func fatTime(_ milliseconds: UInt64) -> Int? {
        guard milliseconds > 0 else { return nil }
        return Self.fatSeconds(Int(milliseconds / 1000))
    }

    /// FAT keeps times from 1980 on, to two seconds.
    static func fatSeconds(_ seconds: Int) -> Int { max(315_532_800, seconds / 2 * 2) }
}
