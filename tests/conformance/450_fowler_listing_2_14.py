# github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio chapter_02/listing_2_14.py
from asyncio import Future

my_future = Future()

print(f'Is my_future done? {my_future.done()}')

my_future.set_result(42)

print(f'Is my_future done? {my_future.done()}')
print(f'What is the result of my_future? {my_future.result()}')
