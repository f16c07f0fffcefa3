# awk's mistakes and edge values. 23-awk-errors.out is what mawk 1.3.4 (Debian 12) printed under
# bash for these same lines, not the simulator's own output.
awk 'BEGIN{a[1]=1; print a}'; echo "st $?"
awk 'BEGIN{print 1%0, -1/0, log(-1), 0/0, 1/0}'; echo "st $?"
echo a | awk '{print $(-1)}'; echo "st $?"
awk 'BEGIN{print "x" > "/nonexist/f"}'; echo "st $?"
awk 'BEGIN{a=1; a[1]=2}'; echo "st $?"
awk 'BEGIN{print length(1,2)}'; echo "st $?"
awk 'BEGIN{print substr("abc",2), index("a")}'; echo "st $?"
awk 'BEGIN{print substr("abc")}'; echo "st $?"
awk 'BEGIN{x=split("a b")}'; echo "st $?"
awk 'BEGIN{print $(-1)}'; echo "st $?"
echo x | awk '{print FILENAME "|"}'
awk 'BEGIN{print length(a); a[1]=1}'; echo "st $?"
awk 'BEGIN{n=split("a:b", p, ":"); for (k in p) c++; print n, c, (1 in p), ("z" in p)}'
awk 'BEGIN{delete q; q["x"]=1; print length(q)}'
awk '/a)/' /dev/null; echo "st $?"
awk '/a[b/' /dev/null; echo "st $?"
awk '/a{2/' /dev/null; echo "st $?"
awk '/a**/' /dev/null; echo "st $?"
awk '/+a/' /dev/null; echo "st $?"
awk '/a|*b/' /dev/null; echo "st $?"
awk '/(*a)/' /dev/null; echo "st $?"
awk 'BEGIN{r="+a"; print "x" ~ r}'; echo "st $?"
awk 'BEGIN{r="(a"; print "x" ~ r}'; echo "st $?"
awk '/a[/]b/' /dev/null; echo "st $?"
echo 'a/b' | awk '/a[/]b/'
