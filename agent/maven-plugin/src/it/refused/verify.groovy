def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   refuse    shop.Cart.count (Cart.java): new field count (int): a patch cannot add a field to a loaded class')
assert log.contains('[ERROR]   refuse    shop.Cart.total() (Cart.java:16): uses field shop.Cart.count (int), which the old build does not have')
assert log.contains('refused: 2 changes cannot be patched safely (listed above); no patch written')
assert !new File(basedir, 'target/shop-1.1-livepatch.jar').exists()
return true
