/**
 * Simplified Chinese (`zh-CN`, also served to `zh`, `zh-Hans`, `zh-SG`). "你" and Microsoft's zh-CN terms
 * ("个人资料照片" for profile photo, "登录", "帐户"); full-width punctuation, with a space between Chinese and
 * Latin words or numbers as Microsoft's zh-CN style guide asks.
 */
import type { Catalog } from './catalog-en.js';

/** Simplified Chinese text for every key. */
export const zhCN: Catalog = {
  ImageTooLarge: '该文件太大，无法用作个人资料照片。请发送较小的图片。',
  UnsupportedImage: '我无法使用这个文件。请发送 JPEG、PNG、GIF、WebP 或 HEIC 格式的照片。',
  ImageDimensionsTooLarge: '该图片像素过多（上限为 5000 万像素，每边不超过 20000 像素）。',
  ImageTooSmall: '该图片太小，无法用作个人资料照片。请发送每边至少 96 像素的图片。',
  CorruptImage: '该图片似乎已损坏或不完整，无法读取。请换一份副本再试。',
  ImageProcessingTimeout: '处理该图片耗时过长。请重试，或发送较小的图片。',
  ServerBusy: '我正在处理其他照片。请过一分钟再试。',
  InvalidCropBox: '裁剪区域必须是位于图片内的正方形。',
  GraphUnauthorized: 'Microsoft 365 未接受我代表你进行的登录。请重新登录。',
  GraphForbidden: '你没有更改该照片的权限。',
  GraphNotFound: '在你的组织中找不到该人员、组或联系人。',
  GraphPhotoTooLarge: 'Microsoft 365 因照片过大而拒绝了它。',
  GraphThrottled: 'Microsoft 365 要求我放慢速度。请几分钟后再试。',
  GraphUnavailable: 'Microsoft 365 目前没有响应。请几分钟后再试。',
  GraphMailboxUnsupported: '此帐户没有 Exchange Online 邮箱（或邮箱托管在本地），因此无法在此更改其照片。',
  GraphPolicyBlocked: '管理员已在你的组织中关闭了更改个人资料照片的功能。',
  GraphBadRequest: 'Microsoft 365 未接受该照片。请换一张图片试试。',
  SignInRequired: '请先登录，以便我为你更改照片。',
  ConsentRequired: 'Teams Photo 需要获得你（或管理员）的同意才能更改照片。',
  UnknownUser: '我不认识该用户。',
  UndoNotFound: '找不到该更改了，因此没有可撤销的内容。',
  UndoSuperseded: '该照片此后又被更改过，撤销这次较早的更改会丢失较新的更改。',
  NoImageFound:
    '我在这条消息中没有找到图片。请发送照片（JPEG、PNG、GIF、WebP 或 HEIC），或将其作为文件附加。',
  AttachmentHostNotAllowed: '我只能下载在 Teams 中发送的图片。',
  AttachmentDownloadFailed: '我无法下载该图片。请重新发送。',
  UnknownLocalUser: '你不在本地目录中，因此我无法在此更改你的照片。',
  InputNotReadable: '无法读取输入文件。',
  OutputNotWritable: '无法写入输出文件。',
  PortInUse: '该端口已被占用；请使用 --port 或 GRAPH_EMULATOR_PORT 选择其他端口。',
  BotUnreachable: '机器人没有响应。请使用 npm start 启动它，或使用 --bot 指定其消息终结点。',

  'welcome.title': '{name}，你好！我是 Teams Photo。',
  'welcome.titleNoName': '你好！我是 Teams Photo。',
  'welcome.body':
    '在此聊天中给我发送一张照片，我会把它设为你的 Microsoft 365 个人资料照片：方向端正、裁成正方形，并以你为中心。',
  'help.title': '如何使用 Teams Photo',
  'help.sendPhoto': '在此聊天中发送一张照片，即可将其设为你的个人资料照片。',
  'help.formats': '支持 JPEG、PNG、GIF、WebP 或 HEIC 格式，最大 25 MB。',
  'help.undo': '输入“撤销”可恢复你之前的照片。',
  'help.help': '输入“帮助”可再次查看此说明。',
  'command.undo': '撤销',
  'command.help': '帮助',
  'photo.updated.title': '你的新个人资料照片已设置好',
  'photo.updated.propagation':
    '新照片可能需要一段时间（最长 72 小时）才能在 Microsoft 365 各处显示，Teams 可能还会多显示旧照片一段时间。',
  'photo.updated.undo': '撤销',
  'photo.previewAlt': '你的个人资料照片预览',
  'photo.severalImages': '你发送了 {count} 张图片；我使用了第一张。',
  'undo.restored': '完成：已恢复你之前的照片。',
  'undo.removed': '你之前没有照片，因此我已删除新照片。',
  'undo.nothingToUndo': '目前还没有可撤销的内容。',
  'signin.title': '登录 Teams Photo',
  'signin.text': '请登录一次，以便我更改你的照片。我会保留你发送的照片，并在你登录后立即使用。',
  'signin.button': '登录',
  'signin.done': '谢谢，你已登录。我现在就为你设置照片。',
  'error.reference': '参考编号：{id}',
  'error.generic': '我这边出了点问题。请重试。',
  'local.unknownUser': '在本地目录中找不到你（{id}），因此我无法在此更改你的照片。请将自己添加到 {file}。',
};
