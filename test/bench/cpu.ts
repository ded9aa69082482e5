import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by this Node process (bench client, gateway and handlers all run in it) and by the
 * DynamoDB Local JVM the stack started, so a block of work can be charged per operation. The JVM is
 * found in /proc by its jar and port (Linux only; without it, java is reported as undefined).
 */
export interface CpuSample {
  nodeMs: number;
  javaMs?: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

export function cpuMeter(dynamodbEndpoint: string) {
  const port = new URL(dynamodbEndpoint).port;
  const javaPid = findJava(port);
  const sample = (): CpuSample => {
    const u = process.cpuUsage();
    return { nodeMs: (u.user + u.system) / 1000, javaMs: javaPid ? javaCpuMs(javaPid) : undefined };
  };
  return {
    javaPid,
    sample,
    /** CPU ms per operation between two samples. */
    perOp(from: CpuSample, to: CpuSample, ops: number) {
      return {
        nodeMs: Math.round(((to.nodeMs - from.nodeMs) / ops) * 1000) / 1000,
        javaMs: from.javaMs === undefined || to.javaMs === undefined ? undefined : Math.round(((to.javaMs - from.javaMs) / ops) * 1000) / 1000,
      };
    },
  };
}

function findJava(port: string): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmd: string[];
      try {
        cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      } catch {
        continue;
      }
      const p = cmd.indexOf('-port');
      if (cmd.some((a) => a.endsWith('DynamoDBLocal.jar')) && p >= 0 && cmd[p + 1] === port) return Number(entry);
    }
  } catch {
    /* not Linux */
  }
  return undefined;
}

function javaCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ": utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
