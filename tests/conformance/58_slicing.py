# slicing: negative indices and steps, clamping of out-of-range bounds, slices of str and tuple
data = list(range(10))
print(data[2:5], data[-3:], data[:-7], data[::3], data[1::2])
print(data[::-1], data[::-3], data[8:2:-2], data[-1:-4:-1], data[2:8:-1])
print(data[5:100], data[100:], data[-100:2], data[3:3], data[7:2])
print(data[-1], data[-10], data[len(data) - 1], data[:], data[::1] == data)
text = "conformance"
print(text[3:7], text[::-1], text[::2], text[-4:], text[:-4], text[1:-1:3])
pair = (10, 20, 30, 40)
print(pair[1:3], pair[::-2], pair[:1], pair[4:], type(pair[1:2]).__name__)
start, stop, step = 1, None, 2
print(data[start:stop:step], data[None:3], data[-3:None])
head, tail = data[0], data[1:]
print(head, tail[-2:])
middle = len(text) // 2
print(text[:middle] + "|" + text[middle:], text[middle], text[-middle:])
for i in range(-3, 0):
    print(i, data[i], text[i], end="; ")
print()
