// The timer heap, moved exactly as Python's heapq moves asyncio's: with a total order any heap
// pops the same sequence, but a NaN deadline compares false both ways, and then only heapq's
// own moves decide when its timer fires (the oracle's CPython shows it). Internal to core/src.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace loopstep::detail {

// Moves the item at `pos` up towards `start` while it is less than its parent.
template <class T, class Less>
void sift_towards_root(std::vector<T>& heap, std::size_t start, std::size_t pos, Less less) {
    T item = std::move(heap[pos]);
    while (pos > start) {
        const std::size_t parent = (pos - 1) / 2;
        if (!less(item, heap[parent])) break;
        heap[pos] = std::move(heap[parent]);
        pos = parent;
    }
    heap[pos] = std::move(item);
}

// heapq's _siftup: the item at `pos` goes down to a leaf along the smaller children, then back up.
template <class T, class Less>
void sift_to_leaf(std::vector<T>& heap, std::size_t pos, Less less) {
    const std::size_t start = pos;
    T item = std::move(heap[pos]);
    for (std::size_t child = 2 * pos + 1; child < heap.size(); child = 2 * pos + 1) {
        if (child + 1 < heap.size() && !less(heap[child], heap[child + 1])) ++child;
        heap[pos] = std::move(heap[child]);
        pos = child;
    }
    heap[pos] = std::move(item);
    sift_towards_root(heap, start, pos, less);
}

template <class T, class Less>
void heap_push(std::vector<T>& heap, T item, Less less) {
    heap.push_back(std::move(item));
    sift_towards_root(heap, 0, heap.size() - 1, less);
}

template <class T, class Less>
T heap_pop(std::vector<T>& heap, Less less) {
    T last = std::move(heap.back());
    heap.pop_back();
    if (heap.empty()) return last;
    T first = std::move(heap.front());
    heap.front() = std::move(last);
    sift_to_leaf(heap, 0, less);
    return first;
}

template <class T, class Less>
void heapify(std::vector<T>& heap, Less less) {
    for (std::size_t i = heap.size() / 2; i-- > 0;) sift_to_leaf(heap, i, less);
}

}  // namespace loopstep::detail
