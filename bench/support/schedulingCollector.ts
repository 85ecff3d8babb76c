// Each person's availability collected from getSchedule answers as they arrive (compact minute ranges, no
// calendar items kept), with the time spent reading them, in all and per person: wall time and this process's CPU
// time (process.cpuUsage), since on a loaded machine wall time mostly measures the wait for a core.
import type { BusyOptions } from '../../src/core/scheduling/busy.js';
import type { ScheduleInformation } from '../../src/core/scheduling/graphSchedule.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { MinuteAvailabilityBook } from '../../src/core/scheduling/scheduleMinutes.js';

export class ScheduleCollector {
  private readonly book: MinuteAvailabilityBook;
  readonly readMsByPerson = new Map<string, number>();
  readonly readCpuMsByPerson = new Map<string, number>();
  readMs = 0;
  readCpuMs = 0;

  constructor(window: Interval, options: BusyOptions) {
    this.book = new MinuteAvailabilityBook(window, options);
  }

  get availability() {
    return this.book.people;
  }

  get unavailable() {
    return this.book.unavailable;
  }

  add(infos: readonly ScheduleInformation[]): void {
    for (const info of infos) {
      const cpu0 = process.cpuUsage();
      const p0 = performance.now();
      this.book.add(info);
      const ms = performance.now() - p0;
      const used = process.cpuUsage(cpu0);
      const cpuMs = (used.user + used.system) / 1000;
      const address = info.scheduleId.toLowerCase();
      this.readMs += ms;
      this.readCpuMs += cpuMs;
      this.readMsByPerson.set(address, (this.readMsByPerson.get(address) ?? 0) + ms);
      this.readCpuMsByPerson.set(address, (this.readCpuMsByPerson.get(address) ?? 0) + cpuMs);
    }
  }
}
