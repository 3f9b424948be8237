//! [`Items`]: a list of the catalog whose items are shared between catalogs.
//!
//! A node updates its catalog per changed offer (issue 20): the new catalog is the old one with
//! a few items replaced, while requests still read the old one. Sharing the items makes that a
//! copy of pointers (about 10 ms for a million offers) instead of a copy of every name and list
//! (seconds, and twice the memory).

use std::sync::Arc;

/// A list of catalog items, read like a slice of `T`; cheap to clone.
#[derive(Debug, PartialEq)]
pub struct Items<T>(Vec<Arc<T>>);

impl<T> Items<T> {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &T> + DoubleEndedIterator + Clone {
        self.0.iter().map(|item| &**item)
    }

    /// The item at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.0.get(index).map(|item| &**item)
    }

    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        self.0.push(Arc::new(item));
    }

    /// Puts `item` in place of the one at `index`.
    pub(crate) fn set(&mut self, index: usize, item: T) {
        self.0[index] = Arc::new(item);
    }

    /// Removes the item at `index`; the last item takes its place.
    pub(crate) fn swap_remove(&mut self, index: usize) {
        self.0.swap_remove(index);
    }
}

impl<T: Clone> Items<T> {
    /// The items to change in place (each copied first when another catalog shares it).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut().map(Arc::make_mut)
    }
}

impl<T> Clone for Items<T> {
    fn clone(&self) -> Self {
        Items(self.0.clone())
    }
}

impl<T> Default for Items<T> {
    fn default() -> Self {
        Items(Vec::new())
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl<T> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Items(items.into_iter().map(Arc::new).collect())
    }
}

impl<T> Extend<T> for Items<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.0.extend(items.into_iter().map(Arc::new));
    }
}

impl<T: Clone> IntoIterator for Items<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<Arc<T>>, fn(Arc<T>) -> T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0
            .into_iter()
            .map(Arc::unwrap_or_clone as fn(Arc<T>) -> T)
    }
}

impl<'a, T> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Arc<T>>, fn(&'a Arc<T>) -> &'a T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|item| &**item)
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Items<T> {
    type Item = &'a mut T;
    type IntoIter =
        std::iter::Map<std::slice::IterMut<'a, Arc<T>>, fn(&'a mut Arc<T>) -> &'a mut T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut().map(Arc::make_mut)
    }
}

impl<T> std::ops::Index<usize> for Items<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        &self.0[index]
    }
}

impl<T: Clone> std::ops::IndexMut<usize> for Items<T> {
    fn index_mut(&mut self, index: usize) -> &mut T {
        Arc::make_mut(&mut self.0[index])
    }
}

#[cfg(test)]
mod tests {
    use super::Items;

    #[test]
    fn a_changed_copy_leaves_the_items_of_the_original_as_they_were() {
        let original: Items<String> = vec!["a".to_string(), "b".to_string()].into();
        let mut copy = original.clone();
        copy[0].push('!');
        copy.set(1, "c".into());
        copy.push("d".into());
        assert_eq!(original.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(copy.iter().collect::<Vec<_>>(), ["a!", "c", "d"]);
        copy.swap_remove(0);
        assert_eq!(copy.iter().collect::<Vec<_>>(), ["d", "c"]);
    }
}
