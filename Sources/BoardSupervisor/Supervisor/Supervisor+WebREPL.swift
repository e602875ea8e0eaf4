import PythonRuntime

/// `_webreplserver`: the natives under MicroPython's `webrepl` module
/// (Firmware/micropython/webrepl.py), over the board's WebREPL service.
extension Supervisor {
    func installWebREPLModule(_ rt: Runtime) {
        rt.registerNativeModule("_webreplserver") { [unowned self] rt, module throws(PyError) in
            func fn(_ name: String, _ body: @escaping NativeFunction) { rt.moduleFunction(module, name, body) }
            func arg(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
            /// The password `password()` set, for the next `listen()`.
            final class Password { var text = "" }
            let password = Password()

            // _webrepl.password (extmod/modwebrepl.c): a str or bytes of at most 9 bytes;
            // anything else fails as mp_obj_str_get_data does.
            fn("password") { rt, args throws(PyError) in
                let v = arg(args, 0)
                let bytes: [UInt8]
                if let s = v.as(PyStr.self) {
                    bytes = Array(s.value.utf8)
                } else if let b = v.as(PyBytes.self), !b.isMutable {
                    bytes = b.bytes
                } else {
                    throw rt.typeError("can't convert '\(rt.typeName(v))' object to str implicitly")
                }
                guard bytes.count <= 9 else { throw PyError(rt.newException(rt.types.ValueError, args: [])) }
                password.text = String(decoding: bytes, as: UTF8.self)
                return .none
            }
            // setup_conn's listening socket, served by the board's WebREPL service.
            fn("listen") { [unowned self] rt, args throws(PyError) in
                let p = arg(args, 0)
                guard p.isSmallInt else { throw rt.typeError("can't convert \(rt.typeName(p)) to int") }
                let host = arg(args, 1).as(PyStr.self)?.value ?? ""
                services.webREPL?.stop()
                services.webREPL = nil
                do throws(NetworkError) {
                    services.webREPL = try WebREPLServer(supervisor: self, password: password.text, port: p.asSmallInt,
                                                         staticHost: host)
                } catch {
                    throw rt.osError(error.errno)
                }
                return .none
            }
            fn("stop") { [unowned self] _, _ throws(PyError) in
                services.webREPL?.stop()
                services.webREPL = nil
                return .none
            }
            // A WebSocket client is attached (start_foreground waits for one).
            fn("attached") { [unowned self] _, _ throws(PyError) in
                Value(bool: services.webREPL?.attached ?? false)
            }
        }
    }
}
