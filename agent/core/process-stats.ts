import { cpus } from "node:os";

export type TProcessSample = { cpu: number; mem: number };

/**
 * The agent's own CPU and memory for heartbeats. cpu = percent of the whole machine (all cores) used by
 * this process since the previous sample; mem = resident set size in MiB. Both rounded to 0.1.
 */
export class ProcessStats {
  private lastCpu = process.cpuUsage();
  private lastWall = process.hrtime.bigint();
  private readonly cores = Math.max(1, cpus().length);

  sample(): TProcessSample {
    const cpu = process.cpuUsage(this.lastCpu);
    const wall = process.hrtime.bigint();
    const wallMicros = Number(wall - this.lastWall) / 1000;
    this.lastCpu = process.cpuUsage();
    this.lastWall = wall;
    const percent = wallMicros > 0 ? ((cpu.user + cpu.system) / wallMicros / this.cores) * 100 : 0;
    return {
      cpu: Math.round(Math.min(100, percent) * 10) / 10,
      mem: Math.round((process.memoryUsage.rss() / 1024 / 1024) * 10) / 10,
    };
  }
}
