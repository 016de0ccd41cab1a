# try/except/else/finally run order, return inside finally, and re-raising
def attempt(value, log):
    try:
        log.append("try")
        result = 10 // value
    except ZeroDivisionError as e:
        log.append(f"except: {e}")
        return "from except"
    else:
        log.append("else")
        return f"from else ({result})"
    finally:
        log.append("finally")

def overriding():
    try:
        return "try value"
    finally:
        return "finally value"

def reraise(log):
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            log.append("handled once")
            raise
        finally:
            log.append("inner finally")
    except KeyError as e:
        log.append(f"outer caught {repr(e)}")
    return log

for v in [2, 0]:
    log = []
    print(attempt(v, log), log)
print(overriding(), reraise([]))
