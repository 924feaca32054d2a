import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('previous release dev.jlivepatch.it:shop:1.0: ')
assert log.contains('[INFO]   replace   shop.Cart.total() (Cart.java:15): body changed')
assert log.contains('[INFO]   carry     shop.Cart.discount(int) (Cart.java:23): new private method the patched code uses')
assert log.contains('[INFO] patch \'shop-fix\' written to ')
def jar = new File(basedir, 'target/shop-1.1-livepatch.jar')
assert jar.isFile()
new JarFile(jar).withCloseable { j ->
    assert j.manifest.mainAttributes.getValue('Livepatch-Id') == 'shop-fix'
    assert j.manifest.mainAttributes.getValue('Livepatch-Replace') == null
    assert j.entries().collect { it.name }.sort() == ['META-INF/MANIFEST.MF', 'shop/Cart$$Livepatch.class']
}
return true
