/**
 * Attachments of a Teams message: pick the image ({@link pickImage}, pure) and download it under the outbound
 * rules ({@link AttachmentDownloader}).
 */
export {
  IMAGE_FILE_TYPES,
  TEAMS_FILE_DOWNLOAD_INFO,
  pickImage,
  type Attachment,
  type ImagePick,
  type PickedImage,
} from './image-picker.js';
export {
  AttachmentDownloader,
  DEFAULT_MAX_REDIRECTS,
  type AttachmentDownloaderOptions,
} from './attachment-downloader.js';
export { HostAllowlist, isIpLiteral, isLoopbackHost } from './host-rules.js';
