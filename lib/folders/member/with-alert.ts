/** Adds an alert to a folder once: the same kind and words as the newest alert of that kind is not repeated at every sync. */
import { MAX_FOLDER_NOTES, type FolderAlert, type StoredFolder } from '../store/stored-folder';

/** @returns the folder with `alert` added (the oldest dropped beyond MAX_FOLDER_NOTES) */
export function withAlert(folder: StoredFolder, alert: FolderAlert): StoredFolder {
  const previous = folder.alerts.findLast((a) => a.kind === alert.kind);
  if (previous?.detail === alert.detail) return folder;
  return { ...folder, alerts: [...folder.alerts, alert].slice(-MAX_FOLDER_NOTES) };
}
