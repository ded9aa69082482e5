import { ref } from 'vue';
import { downloadDefinition, saveFile } from '../../api/workspace';
import { errorMessage } from '../../lib/errorMessage';
import { tw } from '../../lib/workspaceI18n';

/** Downloads a process's definition as `<id>.json`, with a status line to show and a failure to announce. */
export function useDefinitionDownload() {
  const message = ref('');
  const failure = ref('');
  const busy = ref(false);

  async function download(processId: string) {
    if (busy.value) return;
    busy.value = true;
    failure.value = '';
    message.value = tw('processes.downloading');
    try {
      const file = await downloadDefinition(processId);
      saveFile(file);
      message.value = tw('processes.downloaded', { name: file.filename });
    } catch (error) {
      message.value = '';
      failure.value = errorMessage(error);
    } finally {
      busy.value = false;
    }
  }

  return { message, failure, busy, download };
}
