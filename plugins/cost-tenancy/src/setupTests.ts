import '@testing-library/jest-dom';

// jsdom has no layout, so no ResizeObserver; recharts' ResponsiveContainer needs one.
class ResizeObserverInTests {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverInTests;
