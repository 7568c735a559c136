import { useState } from 'react'
import type { NoticeMessage } from '../components/Notice.tsx'
import { useConfirmation } from './use-confirmation.ts'

/** The part of a delete mutation (by id) the list needs. */
interface DeleteMutation {
  mutate: (id: number, options: { onSuccess: () => void }) => void
  reset: () => void
  isPending: boolean
  error: unknown
}

/** An item of an admin list, called by its name or (status pages) its title. */
type ListItem = { id: number } & ({ name: string } | { title: string })

const labelOf = (item: ListItem) => ('name' in item ? item.name : item.title)

/**
 * An admin list's add / edit / delete flow: the item its dialog edits ('new' to add one), the delete
 * confirmation, and the notice saying what was saved or deleted.
 */
export function useListEditor<Item extends ListItem>(remove: DeleteMutation) {
  const deleting = useConfirmation<Item>(remove.reset)
  const [editing, setEditing] = useState<Item | 'new' | null>(null)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const target = deleting.target
  return {
    editing,
    edit: (item: Item | 'new') => setEditing(item),
    closeEditor: () => setEditing(null),
    saved: (item: Item) => {
      setNotice({ tone: 'success', text: `Saved ${labelOf(item)}.` })
      setEditing(null)
    },
    notice,
    dismissNotice: () => setNotice(null),
    askDelete: deleting.ask,
    /** ConfirmDialog's props while a delete is being asked about (the caller adds its wording). */
    deleteDialog: target && {
      title: `Delete ${labelOf(target)}?`,
      pending: remove.isPending,
      error: remove.error,
      onCancel: deleting.close,
      onConfirm: () =>
        remove.mutate(target.id, {
          onSuccess: () => {
            setNotice({ tone: 'success', text: `Deleted ${labelOf(target)}.` })
            deleting.close()
          },
        }),
    },
  }
}
