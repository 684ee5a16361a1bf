/**
 * A BPMN fixture whose built-in tasks run as regular activities (driver revision 5 runs them as
 * local ones by default, src/model/activity-mode.ts): every task definition gets the task header
 * `waymark.activityMode = remote`, and the process a key of its own (`<fixture>-remote`). For
 * fixtures whose tasks have no `zeebe:taskHeaders` of their own.
 */
import { deployXml, fixture } from './api';

export async function deployRemote(name: string): Promise<string> {
  const xml = fixture(name);
  if (xml.includes('<zeebe:taskHeaders')) throw new Error(`${name} has task headers of its own`);
  const key = `${name}-remote`;
  await deployXml(
    xml
      .replace(`<bpmn:process id="${name}"`, `<bpmn:process id="${key}"`)
      .replace(
        /(<zeebe:taskDefinition [^>]*\/>)/g,
        '$1<zeebe:taskHeaders><zeebe:header key="waymark.activityMode" value="remote" /></zeebe:taskHeaders>',
      ),
    key,
  );
  return key;
}
