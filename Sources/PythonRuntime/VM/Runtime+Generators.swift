/// Generators and coroutines: resuming a suspended frame with a value or an
/// exception, delegation for `yield from`/`await`, and their methods.
enum ResumeResult {
    case yielded(Value)
    case returned(Value)
}

extension Runtime {
    /// Resumes `g` with `sent` (or by raising `throwing` at its yield point).
    /// `raw` is what `throw()` was given, for a delegate's own `throw()` method.
    func resumeGenerator(_ g: PyGenerator, sent: Value, throwing: PyBaseException?, raw: Value = .null) throws(PyError) -> ResumeResult {
        var throwing = throwing
        if throwing == nil, !g.pendingThrow.isNull, g.state != .running {
            // A pend_throw()n exception is raised where the generator resumes.
            let pending = g.pendingThrow
            g.pendingThrow = .null
            throwing = try makeException(pending)
        }
        switch g.state {
        case .running:
            throw valueError("generator already executing")
        case .finished:
            if let throwing { throw PyError(throwing) }
            return .returned(.none)
        case .created:
            if throwing == nil && !sent.isNone {
                throw typeError("can't send non-None value to a just-started generator")
            }
            if let throwing {
                g.state = .finished
                throw PyError(throwing)
            }
        case .suspended:
            break
        }
        let frame = g.frame
        // A generator suspended in `yield from` passes a throw on to its delegate first.
        if let throwing, g.state == .suspended,
           frame.code.instructionBuffer![frame.ip].opcode == .yieldFrom {
            let delegate = (frame.sp - 1).pointee
            do throws(PyError) {
                switch try throwIntoDelegate(delegate, throwing, raw: raw) {
                case .yielded(let y):
                    return .yielded(y)
                case .returned(let r):
                    // The delegate finished: continue after the yield from with its value.
                    (frame.sp - 1).pointee = r
                    frame.ip += 1
                    return try run(g, pushing: nil, throwing: nil)
                }
            } catch let e {
                frame.sp -= 1
                frame.ip += 1
                return try run(g, pushing: nil, throwing: e.exception)
            }
        }
        return try run(g, pushing: g.state == .created ? nil : sent, throwing: throwing)
    }

    /// Resumes `g` for the next value of a `for` loop in `caller` (stopped at
    /// `ip`, the generator on top of its stack at `sp`) as a frame of the
    /// running interpreter loop, rather than in a loop of its own; nil when
    /// `resumeGenerator` must do it (a throw is pending, the generator is
    /// running, finished or inside `yield from`, or the frames are too deep).
    @inline(__always)
    func resumeInline(_ g: PyGenerator, caller: Unmanaged<Frame>, ip: Int, sp: UnsafeMutablePointer<Value>) -> Unmanaged<Frame>? {
        guard g.state == .suspended || g.state == .created, g.pendingThrow.isNull,
              frameDepth < configuration.recursionLimit else { return nil }
        let frame = Unmanaged.passUnretained(g.frame)
        return frame._withUnsafeGuaranteedRef { f -> Unmanaged<Frame>? in
            if g.state == .suspended {
                if f.registers.instructions[f.ip].opcode == .yieldFrom { return nil }
                // next() sends None.
                f.sp.pointee = .none
                f.sp += 1
            }
            caller._withUnsafeGuaranteedRef { c in
                c.ip = ip
                c.sp = sp
                f.parent = c
            }
            g.state = .running
            f.finished = false
            f.resumedInline = true
            frameDepth += 1
            return frame
        }
    }

    /// The generator frame `f`, resumed inline, yielded (or, `finished`,
    /// returned or raised): it goes back to its generator.
    @inline(__always)
    func leaveInline(_ f: Frame, finished: Bool) {
        f.resumedInline = false
        f.parent = nil
        f.finished = finished
        f.generator.unsafelyUnwrapped.state = finished ? .finished : .suspended
    }

    /// The RuntimeError a StopIteration leaving a generator becomes (PEP 479),
    /// caused by it, as CPython chains them.
    func stopIterationEscaped(_ stop: PyBaseException) -> PyError {
        let e = error(types.RuntimeError, "generator raised StopIteration")
        e.exception.cause = Value(stop)
        e.exception.context = Value(stop)
        e.exception.suppressContext = true
        return e
    }

    /// Runs the generator's frame until it yields, returns or raises.
    private func run(_ g: PyGenerator, pushing sent: Value?, throwing: PyBaseException?) throws(PyError) -> ResumeResult {
        let frame = g.frame
        if let sent {
            frame.sp.pointee = sent
            frame.sp += 1
        }
        g.state = .running
        frame.finished = false
        if let throwing {
            // Raise at the yield point: let the frame's own handlers see it.
            frame.pendingException = throwing
        }
        let result: Value
        do throws(PyError) {
            result = try execute(frame)
        } catch let e {
            g.state = .finished
            if e.exception.type.isSubtype(of: types.StopIteration) { throw stopIterationEscaped(e.exception) }
            throw e
        }
        if frame.finished {
            g.state = .finished
            return .returned(result)
        }
        g.state = .suspended
        return .yielded(result)
    }

    /// One step of `yield from`/`await`: sends `sent` into the delegate.
    func sendToDelegate(_ delegate: Value, _ sent: Value) throws(PyError) -> ResumeResult {
        if delegate.isObject, let g = delegate.object as? PyGenerator {
            return try resumeGenerator(g, sent: sent, throwing: nil)
        }
        do throws(PyError) {
            let v: Value
            if sent.isNone {
                lastStopIteration = nil
                v = try nextValue(delegate)
                if v.isNull {
                    // A __next__ that raised StopIteration(x) makes x the value of the yield from.
                    if let e = lastStopIteration {
                        lastStopIteration = nil
                        let args = unsafeDowncast(e.exception.args.object, to: PyTuple.self).items
                        return .returned(args.first ?? .none)
                    }
                    return .returned(.none)
                }
            } else {
                v = try callMethod(delegate, "send", [sent])
            }
            return .yielded(v)
        } catch let e {
            if e.exception.type.isSubtype(of: types.StopIteration) {
                let args = unsafeDowncast(e.exception.args.object, to: PyTuple.self).items
                return .returned(args.first ?? .none)
            }
            throw e
        }
    }

    func throwIntoDelegate(_ delegate: Value, _ exc: PyBaseException, raw: Value = .null) throws(PyError) -> ResumeResult {
        if delegate.isObject, let g = delegate.object as? PyGenerator {
            if exc.type.isSubtype(of: types.GeneratorExit) {
                try closeGenerator(g)
                throw PyError(exc)
            }
            return try resumeGenerator(g, sent: .none, throwing: exc, raw: raw)
        }
        // GeneratorExit closes the delegate with its close() (not throw()), as
        // py/runtime.c's mp_resume does; then it goes on up.
        if exc.type.isSubtype(of: types.GeneratorExit) {
            let c = try findAttribute(delegate, intern("close"))
            if !c.isNull { _ = try call(c, []) }
            throw PyError(exc)
        }
        let t = try findAttribute(delegate, intern("throw"))
        if t.isNull { throw PyError(exc) }
        do throws(PyError) {
            return .yielded(try call(t, [raw.isNull ? Value(exc) : raw]))
        } catch let e {
            if e.exception.type.isSubtype(of: types.StopIteration) {
                let args = unsafeDowncast(e.exception.args.object, to: PyTuple.self).items
                return .returned(args.first ?? .none)
            }
            throw e
        }
    }

    /// `gen.close()`: raises GeneratorExit inside; a yield in response is an error.
    func closeGenerator(_ g: PyGenerator) throws(PyError) {
        guard g.state == .suspended else {
            g.state = .finished
            return
        }
        let exit = newException(types.GeneratorExit, args: [])
        do throws(PyError) {
            switch try resumeGenerator(g, sent: .none, throwing: exit) {
            case .yielded:
                throw error(types.RuntimeError, "generator ignored GeneratorExit")
            case .returned:
                return
            }
        } catch let e {
            if e.exception === exit || e.exception.type.isSubtype(of: types.GeneratorExit)
                || e.exception.type.isSubtype(of: types.StopIteration) {
                return
            }
            throw e
        }
    }

    /// What `await v` iterates: a coroutine itself, or the iterator `v.__await__()` returns.
    func awaitable(_ v: Value) throws(PyError) -> Value {
        if v.isObject, let g = v.object as? PyGenerator {
            if g.isCoroutine { return v }
            // MicroPython lets generators be awaited (its asyncio relies on it).
            return v
        }
        let m = typeOf(v).lookup(names.__await__)
        if m.isNull {
            throw typeError("'\(typeName(v))' object isn't awaitable")
        }
        return try call(m, [v])
    }

    /// The value of a StopIteration-style exception, for `send` returning.
    func stopIterationValue(_ r: Value) -> PyError {
        stopIteration(r.isNone ? .null : r)
    }
}
