# f-string format specs: .Nf, width, alignment, zero padding, :g and thousands separators
price = 3.14159
count = 7
name = "tea"
print(f"[{price:.0f}] [{price:.2f}] [{price:5.1f}] [{price:10.3f}] [{-price:.1f}]")
print(f"[{count:>3}] [{count:<3}] [{count:^5}] [{count:03d}] [{-count:04d}] [{count:3d}]")
print(f"[{name:<10}] [{name:>10}] [{name:^8}] [{name:^9}] [{'ab':^7}] [{'abcd':<2}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{-98765:,}] [{999:,}] [{0.5:,}]")
print(f"[{1e16:g}] [{100000:g}] [{1000000:g}] [{0.0001:g}] [{0.00001:g}] [{1.5:g}]")
print(f"[{123456789.0:g}] [{0.000123456:g}] [{2.0:g}] [{1e-10:g}] [{3.14159:.3g}] [{1234.5:.2g}]")
print(f"[{0.5:.0f}] [{1.5:.0f}] [{2.5:.0f}] [{3.5:.0f}] [{-0.5:.0f}] [{-0.4:.0f}]")
print(f"[{0.125:.2f}] [{0.375:.2f}] [{2.675:.2f}] [{1.005:.2f}] [{-0.0:.1f}] [{1e20:.0f}]")
print(f"[{True}] [{None}] [{[1, 2]}] [{(1, 'a')}] [{3:.2f}] [{7:5.1f}]")
print(f"[{12:>6,}] [{1234:^10,}] [{5:<4}|] [{-5:^6}] [{3.0}] [{1e3}] [{-1.5:6.2f}]")
print("{:>6.2f}|{:<6}|{:^6}|{}".format(2.5, "ab", "mid", [None]))
print("{0} and {1}, then {0} again; {name}!".format("spam", "eggs", name="done"))
width = 8
print(f"[{width * 2}] [{'nested' + '!'}] [{name.upper():>5}] [{len(name):02d}] [{price * 2:.1f}]")
