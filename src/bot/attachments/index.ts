/**
 * Attachments of a Teams message: pick the image ({@link pickImage}, pure) and download it under the outbound
 * rules ({@link AttachmentDownloader}: token hosts, resolved addresses, redirects, size and time).
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
  systemResolver,
  type AttachmentDownloaderOptions,
  type HostResolver,
  type ResolvedAddress,
} from './attachment-downloader.js';
export { addressProblem, classifyAddress, type AddressKind } from './address-rules.js';
export { HostAllowlist, isIpLiteral, isLoopbackHost, tokenHostEntryProblem } from './host-rules.js';
