/** Availability: weekly slots, exceptions, the week calendar and the iCalendar feed. */
export const availability = {
  'availability.nav.calendar': '予定表',
  'availability.nav.availability': '活動できる日時',
  'availability.home.calendar': '今週の援助の予定を見る（予定表）',
  'availability.home.availability': '活動できる曜日・時間とお休みを登録する',

  'rule.invalid_slots':
    '時間帯に重なりや誤りがあります。赤い印の付いた行を直してから、もう一度保存してください。',
  'rule.not_a_helper': '提供会員ではないため、活動できる日時は登録できません。',
  'rule.exception_in_past': '過ぎた日にはお休みを登録できません。今日以降の日付を選んでください。',
  'rule.invalid_exception': 'お休みの時間が正しくありません。',

  'availability.validation.time': '時刻は「9:00」のように、0:00から24:00の間で入力してください。',
  'availability.slot.weekday_invalid': '曜日が正しくありません。',
  'availability.slot.time_invalid': '時刻が正しくありません。',
  'availability.slot.start_not_before_end': '「終わり」は「始まり」より後の時刻にしてください。',
  'availability.slot.overlaps_other_slot': '同じ曜日のほかの時間帯と重なっています。',
  'availability.slot.overlapsWith':
    '同じ曜日の {start}〜{end} と重なっています。1つにまとめるか、時間が重ならないようにしてください。',
  'availability.slot.bothTimes': '「始まり」と「終わり」の両方を入力してください。',
  'availability.exception.start_not_before_end':
    '「何時まで」は「何時から」より後の時刻にしてください。',
  'availability.exception.timesRequired':
    '時間を指定する場合は、「何時から」か「何時まで」を入力してください。',

  'availability.weekday.1': '月曜日',
  'availability.weekday.2': '火曜日',
  'availability.weekday.3': '水曜日',
  'availability.weekday.4': '木曜日',
  'availability.weekday.5': '金曜日',
  'availability.weekday.6': '土曜日',
  'availability.weekday.7': '日曜日',
  'availability.range': '{start}〜{end}',

  'availability.title': '活動できる日時',
  'availability.titleFor': '{name}さんの活動できる日時',
  'availability.staffNote': 'センター職員として、{name}さんの登録内容を表示しています。',
  'availability.lead':
    'センターは、ここに登録された曜日・時間をもとに、援助をお願いできるかご相談します。',
  'availability.toCalendar': '予定表を見る',
  'availability.contents': 'このページの内容',

  'availability.weekly.title': '毎週の活動できる時間',
  'availability.weekly.lead':
    '活動できる曜日ごとに、始まりと終わりの時刻を入力してください。活動しない曜日は空欄のままにします。',
  'availability.weekly.moreHint':
    '同じ曜日に時間帯を2つ以上登録するときは、1つ目を入力して保存してください。次の入力欄が表示されます（1日に3つまで）。',
  'availability.weekly.clearHint':
    '時間帯を消すときは、「始まり」と「終わり」の両方を空欄にして保存してください。',
  'availability.weekly.slot': '{n}つ目',
  'availability.weekly.slotLabel': '{weekday}の{n}つ目の時間帯',
  'availability.weekly.start': '始まり',
  'availability.weekly.end': '終わり',
  'availability.weekly.save': '毎週の時間を保存する',
  'availability.weekly.saved': '毎週の活動できる時間を保存しました。',
  'availability.weekly.summaryNone': '登録なし',

  'availability.exceptions.title': 'お休みする日',
  'availability.exceptions.lead':
    '旅行や通院などで活動できない日を登録してください。その日（その時間）は、援助のご相談をしません。',
  'availability.exceptions.list': '登録済みのお休み（今日以降）',
  'availability.exceptions.none': '登録されたお休みはありません。',
  'availability.exceptions.wholeDay': '一日中',
  'availability.exceptions.from': '{start}から',
  'availability.exceptions.until': '{end}まで',
  'availability.exceptions.delete': '削除',
  'availability.exceptions.deleteLabel': '{date}のお休みを削除',
  'availability.exceptions.deleted': 'お休みを削除しました。',
  'availability.exceptions.add': 'お休みを追加する',
  'availability.exceptions.date': '日付',
  'availability.exceptions.kind': 'お休みの範囲',
  'availability.exceptions.kindWholeDay': '一日中お休み',
  'availability.exceptions.kindHours': '時間を指定してお休み',
  'availability.exceptions.start': '何時から',
  'availability.exceptions.end': '何時まで',
  'availability.exceptions.timesHint':
    '「時間を指定してお休み」を選んだときだけ使います。片方だけの入力もできます（例：15:00から）。',
  'availability.exceptions.note': 'メモ（任意）',
  'availability.exceptions.noteHint': '例：通院のため。センターの職員も見ます。',
  'availability.exceptions.submit': 'お休みを登録する',
  'availability.exceptions.added': '{date}のお休みを登録しました。',

  'availability.feed.title': 'スマートフォンのカレンダーに援助の予定を表示する',
  'availability.feed.lead':
    '決まった援助の予定を、iPhone のカレンダーや Google カレンダーに自動で表示できます。表示されるのは日時・ご家庭の名字・お子さまの人数・活動の種類だけで、お子さまの名前や住所は表示されません。',
  'availability.feed.create': 'カレンダー用のURLを作る',
  'availability.feed.active': 'カレンダー用のURLは {date} に作りました。',
  'availability.feed.lostHint':
    'URLは、作ったときに一度だけ表示されます。わからなくなったときや、別のスマートフォンに登録したいときは、作り直してください。',
  'availability.feed.rotate': 'URLを作り直す',
  'availability.feed.rotateHint': '作り直すと、前のURLは使えなくなります。',
  'availability.feed.revoke': 'カレンダーへの表示をやめる',
  'availability.feed.revoked': 'カレンダー用のURLを無効にしました。',
  'availability.feed.created': 'カレンダー用のURLを作りました。下の手順で登録してください。',
  'availability.feed.urlLabel': 'あなた専用のURL',
  'availability.feed.urlOnce':
    'このURLはいまだけ表示されます。登録が終わるまで、この画面を閉じないでください。',
  'availability.feed.secret':
    'このURLを知っている人は、あなたの援助の予定を見ることができます。ほかの人には教えないでください。',
  'availability.feed.iphone.title': 'iPhone の場合',
  'availability.feed.iphone.link': 'iPhone のカレンダーに登録する',
  'availability.feed.iphone.linkHint':
    'iPhone でこのページを開いて押すと、「照会」の確認が出ます。「照会」を押せば完了です。',
  'availability.feed.iphone.steps':
    'うまくいかないとき：「設定」→「カレンダー」→「アカウント」→「アカウントを追加」→「その他」→「照会するカレンダーを追加」を選び、上のURLを貼り付けます。',
  'availability.feed.google.title': 'Google カレンダーの場合',
  'availability.feed.google.steps':
    'パソコンで Google カレンダーを開き、左側の「他のカレンダー」の「＋」→「URL で追加」を選んで、上のURLを貼り付けます。登録すると、スマートフォンの Google カレンダーにも表示されます。',
  'availability.feed.delay':
    '新しく決まった予定がカレンダーに表示されるまで、数時間かかることがあります。急ぎの確認は、この「予定表」のページで行ってください。',
  'availability.feed.name': 'ファミサポの予定',
  'availability.feed.summary': 'ファミサポ援助：{family}さま（お子さま{children}人）',
  'availability.feed.summaryOne': 'ファミサポ援助：{family}さま（お子さま{children}人）',
  'availability.feed.summaryDone': 'ファミサポ援助（終了・お子さま{children}人）',
  'availability.feed.category': '活動：{category}',
  'availability.feed.location': '場所：{location}',
  'availability.feed.details': '詳しい内容（ログインが必要です）：{url}',

  'availability.location.helper_home': '提供会員の自宅',
  'availability.location.requester_home': '依頼会員の自宅',
  'availability.location.other': 'その他の場所',

  'availability.calendar.title': '予定表',
  'availability.calendar.titleFor': '{name}さんの予定表',
  'availability.calendar.lead':
    '1週間ごとに、活動できる時間・お休み・決まった援助の予定を表示します。',
  'availability.calendar.weekOf': '{from}〜{to}',
  'availability.calendar.weekNav': '表示する週の切り替え',
  'availability.calendar.previous': '前の週',
  'availability.calendar.next': '次の週',
  'availability.calendar.thisWeek': '今週に戻る',
  'availability.calendar.jumpToday': '今日の予定へ移動',
  'availability.calendar.today': '今日',
  'availability.calendar.free': '活動できる時間',
  'availability.calendar.noFree': 'なし',
  'availability.calendar.exceptions': 'お休み',
  'availability.calendar.assignments': '援助の予定',
  'availability.calendar.noAssignments': 'なし',
  'availability.calendar.assignment': '{family}さま（お子さま{children}人）',
  'availability.calendar.assignmentOne': '{family}さま（お子さま{children}人）',
  'availability.calendar.completed': '活動済み',
  'availability.calendar.edit': '活動できる日時・お休みを変更する',
  'availability.calendar.noSlots':
    '毎週の活動できる時間が、まだ登録されていません。登録すると、ここに表示されます。',
} as const;

export type AvailabilityMessages = Record<keyof typeof availability, string>;
